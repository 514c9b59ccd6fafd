package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerCsvTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.5,2\\n3,4 | 1.5,2\\n3,4",
        "1.5\\t2\\n3\\t4 | 1.5,2\\n3,4",
        "1.5;2\\n3;4 | 1.5,2\\n3,4",
        "1.5 2\\n3 4 | 1.5,2\\n3,4",
        "1.5:2\\n3:4 | 1.5,2\\n3,4",
        "1.5, 2\\n3, 4 | 1.5, 2\\n3, 4",
        "1.5\\t2;7\\n3\\t4;8 | 1.5,2;7\\n3,4;8",
        "0.5\\n0.25 | 0.5\\n0.25",
        "\\n\\n 1,2\\n3,4\\n\\n\\n | 1,2\\n3,4"
      })
  void normalize_body_becomesCommaCsvAsTheSnifferReadsIt(String body, String expected) {
    byte[] in = unescape(body);
    ContainerCsv.Body out = ContainerCsv.normalize(in, in.length);
    assertEquals(
        unescapeText(expected), new String(out.bytes(), 0, out.length(), StandardCharsets.UTF_8));
  }

  @Test
  void normalize_plainCommaBody_isNotCopied() {
    byte[] in = "1,2\n3,4".getBytes(StandardCharsets.UTF_8);
    assertSame(in, ContainerCsv.normalize(in, in.length).bytes());
  }

  private static byte[] unescape(String text) {
    return unescapeText(text).getBytes(StandardCharsets.UTF_8);
  }

  private static String unescapeText(String text) {
    return text.replace("\\n", "\n").replace("\\t", "\t");
  }
}
