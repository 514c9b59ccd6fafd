package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyLinesTest {
  private static String lines(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<String> seen = new ArrayList<>();
    BodyLines.forEach(
        bytes,
        bytes.length,
        (from, to, number) ->
            seen.add(number + "=" + new String(bytes, from, to - from, StandardCharsets.UTF_8)));
    return String.join("|", seen);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "a\\nb;1=a|2=b",
        "a\\nb\\n;1=a|2=b",
        "a\\r\\nb\\r\\n;1=a|2=b",
        "a\\n\\nb;1=a|2=|3=b",
        "a\\n\\n;1=a|2=",
        "\\n;1=",
        "'';''"
      })
  void forEach_splitsOnLineEndsAndKeepsInteriorBlankLines(String body, String expected) {
    assertEquals(expected, lines(body.replace("\\n", "\n").replace("\\r", "\r")));
  }
}
