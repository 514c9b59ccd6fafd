package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFeaturesTest {
  private static final List<String> COLUMNS = List.of("a", "b", "c");

  private static FloatMatrix parse(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return CsvFeatures.parse(bytes, bytes.length, COLUMNS);
  }

  @Test
  void parse_rowsAndMissingValues() {
    FloatMatrix m = parse("1,2,3\n,-4.5e1, NaN \n");
    assertEquals(2, m.rows());
    assertArrayEquals(
        new float[] {1, 2, 3, Float.NaN, -45f, Float.NaN}, Arrays.copyOf(m.values(), m.size()));
  }

  @Test
  void parse_numbersMatchDoubleThenFloatRounding() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String a = Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
      String b = String.format("%.6f", random.nextDouble() * 1000);
      String c = Long.toString(random.nextLong() % 100_000_000_000L);
      FloatMatrix m = parse(a + "," + b + "," + c);
      assertEquals((float) Double.parseDouble(a), m.values()[0], a);
      assertEquals((float) Double.parseDouble(b), m.values()[1], b);
      assertEquals((float) Double.parseDouble(c), m.values()[2], c);
    }
  }

  @Test
  void parse_emptyFields_areMissingAnywhereInTheLine() {
    FloatMatrix m = parse(",,\n1,,\n,2,\n,,3\r\n-0,,");
    assertEquals(5, m.rows());
    float nan = Float.NaN;
    assertArrayEquals(
        new float[] {nan, nan, nan, 1, nan, nan, nan, 2, nan, nan, nan, 3, -0f, nan, nan},
        Arrays.copyOf(m.values(), m.size()));
  }

  @Test
  void parse_oneColumnBlankLine_rejected() {
    byte[] bytes = "1\n\n2\n".getBytes(StandardCharsets.UTF_8);
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> CsvFeatures.parse(bytes, bytes.length, List.of("a")));
    assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
  }

  @Test
  void parse_shortLinesAfterALongOne_growsTheMatrix() {
    StringBuilder body =
        new StringBuilder("1000000000.123456,2000000000.123456,3000000000.123456\n");
    for (int i = 0; i < 5000; i++) {
      body.append(i).append(",1,2\n");
    }
    FloatMatrix m = parse(body.toString());
    assertEquals(5001, m.rows());
    assertEquals(4999f, m.values()[5000 * 3]);
    assertEquals(2f, m.values()[m.size() - 1]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.",
        ".5",
        "+3",
        "-0",
        "1E5",
        "1e-5",
        "00012",
        "123456789012345678901234567890",
        "0.0000000000000000000012345",
        "9007199254740993",
        "3.4028234e38",
        "1.4e-45",
        "4.9e-324",
        "-1e-30",
        "123456789012345678",
        "0.1e25",
        "12.5e-23"
      })
  void parse_decimalSpellings(String value) {
    assertEquals((float) Double.parseDouble(value), parse(value + ",0,0").values()[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "-", "1e", "1e+", "1.2.3", "1,5e", "0x10", "1_000", "١"})
  void parse_notNumbers_rejected(String value) {
    BadInputException e = assertThrows(BadInputException.class, () -> parse(value + ",0,0"));
    assertTrue(e.getMessage().startsWith("line 1"), e.getMessage());
  }
}
