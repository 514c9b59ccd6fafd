package io.batchserve.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The expf port: its table is the published one, and it is within an ulp of the exact value
 * everywhere.
 */
class ExactMathTest {
  @Test
  void table_isTheCorrectlyRoundedPowersOfTwo() {
    // entries of the published table (bits of 2^(i/32) minus i << 47), for a few i
    assertEquals(0x3ff0000000000000L, ExactMath.tableEntry(0));
    assertEquals(0x3fefd9b0d3158574L, ExactMath.tableEntry(1));
    assertEquals(0x3fef72b83c7d517bL, ExactMath.tableEntry(4));
    assertEquals(0x3feea09e667f3bcdL, ExactMath.tableEntry(16));
    assertEquals(0x3fefd0765b6e4540L, ExactMath.tableEntry(31));
  }

  @Test
  void expf_specialValues() {
    assertEquals(1.0f, ExactMath.expf(0.0f));
    assertEquals(0.0f, ExactMath.expf(Float.NEGATIVE_INFINITY));
    assertEquals(Float.POSITIVE_INFINITY, ExactMath.expf(Float.POSITIVE_INFINITY));
    assertTrue(Float.isNaN(ExactMath.expf(Float.NaN)));
    assertEquals(Float.POSITIVE_INFINITY, ExactMath.expf(89f));
    assertEquals(0.0f, ExactMath.expf(-104f));
    assertTrue(ExactMath.expf(-100f) > 0, "subnormal results");
  }

  @Test
  void expf_isWithinOneUlpOfTheExactValue() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 1_000_000; i++) {
      float x = (float) (random.nextDouble() * 190 - 103);
      float exact = (float) StrictMath.exp(x);
      float ours = ExactMath.expf(x);
      assertTrue(Math.abs(ours - exact) <= Math.ulp(exact), x + ": " + ours + " vs " + exact);
    }
  }

  @Test
  void sigmoid_isXgboostsFormula() {
    assertEquals(0.5f, ExactMath.sigmoid(0f));
    assertEquals(1.0f / (ExactMath.expf(88.7f) + 1.0f), ExactMath.sigmoid(-1000f));
    assertEquals(1.0f, ExactMath.sigmoid(1000f));
  }
}
