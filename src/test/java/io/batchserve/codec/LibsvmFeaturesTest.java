package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibsvmFeaturesTest {
  private static final List<String> COLUMNS = List.of("f0", "f1", "f2");
  private static final float NAN = Float.NaN;

  private static float[] parse(String body, int base) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return LibsvmFeatures.parse(bytes, bytes.length, COLUMNS, base).toDense();
  }

  private static String error(String body, int base) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return assertThrows(
            BadInputException.class, () -> LibsvmFeatures.parse(bytes, bytes.length, COLUMNS, base))
        .getMessage();
  }

  @Test
  void parse_sparseRows_absentFeaturesAreMissing() {
    assertArrayEquals(
        new float[] {1.5f, NAN, 0.25f, NAN, -2, NAN}, parse("0:1.5 2:0.25\n1:-2\n", 0));
  }

  @Test
  void parse_leadingLabelIgnoredAndLabelOnlyLineIsAllMissing() {
    assertArrayEquals(new float[] {NAN, 3, NAN, NAN, NAN, NAN}, parse("1 1:3\r\n0\n", 0));
  }

  @Test
  void parse_oneBasedIndices_shiftDown() {
    assertArrayEquals(new float[] {7, NAN, 9}, parse("1:7  3:9", 1));
  }

  @Test
  void parse_tabsAndNan_accepted() {
    assertArrayEquals(new float[] {NAN, 4, NAN}, parse("0\t0:nan\t1:4", 0));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0:1\\n\\n1:1|0|line 2: the line is empty",
        "3:1|0|line 1: feature index 3 in '3:1' is outside the model's 3 features (indices 0 to 2;"
            + " indices are 0-based, set BATCHSERVE_LIBSVM_INDEX_BASE=1 for 1-based files)",
        "0:1|1|line 1: feature index 0 in '0:1' is outside the model's 3 features (indices 1 to 3",
        "0:1 0:2|0|line 1: feature index 0 appears twice",
        "0:1 oops|0|line 1: 'oops' is not index:value",
        "x:1|0|line 1: 'x:1' does not start with a feature index",
        ":1|0|line 1: ':1' does not start with a feature index",
        "1:abc|0|line 1, feature f1: 'abc' is not a number",
        "1:1e99|0|line 1, feature f1: '1e99' is out of the float range",
        "1:|0|line 1, feature f1: '' is not a number"
      })
  void parse_badLines_nameTheLineAndToken(String body, int base, String message) {
    String actual = error(body.replace("\\n", "\n"), base);
    assertEquals(message, actual.substring(0, Math.min(actual.length(), message.length())), actual);
  }

  @Test
  void parse_wideModel_keepsOnlyThePresentEntries() {
    List<String> wide = IntStream.range(0, 1_000_000).mapToObj(i -> "f" + i).toList();
    byte[] bytes = "1 17:0.5 999999:2\n0 3:1\n".getBytes(StandardCharsets.UTF_8);
    SparseRows rows = LibsvmFeatures.parse(bytes, bytes.length, wide, 0);
    assertEquals(2, rows.rows());
    assertEquals(3, rows.size());
    assertArrayEquals(new int[] {17, 999_999, 3}, Arrays.copyOf(rows.columns(), 3));
    assertArrayEquals(new long[] {0, 2, 3}, Arrays.copyOf(rows.rowStarts(), 3));
  }

  @Test
  void parse_emptyBody_rejected() {
    assertEquals("request body is empty: send at least one libsvm line", error("", 0));
  }
}
