package io.batchserve.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersTest {
  private static final double[] WEEK = {-10, -8, -5, 0, 6, 12, 5};

  @Test
  void forecast_seasonalSeriesWithoutNoise_continuesItExactly() {
    float[] y = new float[364 + 31];
    for (int t = 0; t < y.length; t++) {
      y[t] = (float) (50 + WEEK[t % 7]);
    }
    float[] forecast = HoltWinters.forecast(y, 0, 364, 31);
    float[] truth = Arrays.copyOfRange(y, 364, 395);
    assertArrayEquals(truth, forecast, 1e-3f);
  }

  @Test
  void forecast_trendingSeries_followsTheTrendNextWeek() {
    float[] y = new float[364 + 7];
    for (int t = 0; t < y.length; t++) {
      y[t] = (float) (100 + 0.5 * t + WEEK[t % 7]);
    }
    float[] forecast = HoltWinters.forecast(y, 0, 364, 7);
    for (int h = 0; h < 7; h++) {
      assertEquals(y[364 + h], forecast[h], 0.02 * y[364 + h], "day " + (h + 1));
    }
  }

  @Test
  void fit_levelShift_prefersFasterLevelThanStableSeries() {
    Random random = new Random(7);
    float[] stable = new float[364];
    float[] shifted = new float[364];
    for (int t = 0; t < 364; t++) {
      double noise = random.nextGaussian() * 3;
      stable[t] = (float) (50 + WEEK[t % 7] + noise);
      shifted[t] = (float) ((t % 91 < 45 ? 50 : 90) + WEEK[t % 7] + noise);
    }
    double slow = HoltWinters.fit(stable, 0, 364).alpha();
    double fast = HoltWinters.fit(shifted, 0, 364).alpha();
    assertTrue(fast > slow, "alpha " + fast + " after level shifts, " + slow + " without");
  }

  @Test
  void forecast_neverNegative() {
    float[] y = new float[60];
    for (int t = 0; t < y.length; t++) {
      y[t] = Math.max(0, 40 - t);
    }
    for (float v : HoltWinters.forecast(y, 0, 60, 31)) {
      assertTrue(v >= 0, "forecast " + v);
    }
  }

  @Test
  void forecast_underThreeWeeks_isRefusedNamingTheLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HoltWinters.forecast(new float[20], 0, 20, 7));
    assertTrue(e.getMessage().contains("20 days"), e.getMessage());
  }
}
