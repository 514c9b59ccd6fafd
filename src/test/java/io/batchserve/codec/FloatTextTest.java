package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatTextTest {
  private static String text(float v) {
    ScoreEncoder.Sink sink = new ScoreEncoder.Sink(16);
    assertTrue(FloatText.append(v, sink), "in range: " + v);
    return new String(sink.toByteArray(), StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @ValueSource(
      floats = {
        0.5f,
        0.1f,
        0.17737181f,
        0.5534952f,
        0.001f,
        0.0012f,
        0.099999994f,
        0.99999994f,
        0.3333333f,
        0.010000001f
      })
  void append_matchesJavaForCommonScores(float v) {
    assertEquals(Float.toString(v), text(v));
  }

  @Test
  void append_everyFloatInRangeOfARandomSample_roundTripsAndIsNeverLonger() {
    SplittableRandom random = new SplittableRandom(11);
    int differ = 0;
    for (int i = 0; i < 2_000_000; i++) {
      float v =
          Float.intBitsToFloat(
              random.nextInt(Float.floatToRawIntBits(0.001f), Float.floatToRawIntBits(1f)));
      String fast = text(v);
      String java = Float.toString(v);
      assertEquals(v, Float.parseFloat(fast), fast);
      assertTrue(fast.length() <= java.length(), fast + " vs " + java);
      differ += fast.equals(java) ? 0 : 1;
    }
    assertTrue(differ < 2_000, differ + " of 2,000,000 differ from Float.toString");
  }

  @ParameterizedTest
  @ValueSource(
      floats = {0f, 1f, 0.000999f, 1.5f, -0.5f, Float.NaN, Float.POSITIVE_INFINITY, 12345.6f})
  void append_outsideTheRange_leavesItToFloatToString(float v) {
    assertFalse(FloatText.append(v, new ScoreEncoder.Sink(16)));
  }
}
