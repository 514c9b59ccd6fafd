package io.batchserve.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code names a class by its simple name and imports it: {@code Arrays.fill}, never {@code
 * java.util.Arrays.fill}. Comments and string literals may say anything.
 */
class InlineNamesTest {
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.])(?:java|javax|io\\.batchserve|com|org)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");
  private static final Pattern PACKAGE_OR_IMPORT = Pattern.compile("(?m)^(package|import) .*$");

  @Test
  void sources_nameClassesByTheirImports() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String code = PACKAGE_OR_IMPORT.matcher(codeOnly(Files.readString(file))).replaceAll("");
          Matcher m = QUALIFIED.matcher(code);
          while (m.find()) {
            found.add(file + ": " + m.group());
          }
        }
      }
    }
    assertEquals(List.of(), found, "fully qualified names in code; import them");
  }

  @Test
  void codeOnly_dropsCommentsAndStrings() {
    assertEquals(
        "int a =  + x; \n  y(\"\", '');",
        codeOnly(
            "int a = /* java.util.List */ + x; // java.util.Map\n  y(\"java.util.Set\", '\"');"));
  }

  /** The source with comments removed and string and character literals emptied. */
  static String codeOnly(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
      } else if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i + 2) + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        out.append("\"\"");
        i = source.indexOf("\"\"\"", i + 3) + 3;
      } else if (c == '"' || c == '\'') {
        out.append(c).append(c);
        i = endOfLiteral(source, i, c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int endOfLiteral(String source, int start, char quote) {
    int i = start + 1;
    while (source.charAt(i) != quote) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
