package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SalesWindowTest {
  private static final int W = ForecastFeatures.WINDOW;

  @Test
  void write_afterManyPushes_matchesFeaturesComputedFromTheWholeSeries() {
    Random random = new Random(3);
    int days = 120;
    float[] sales = new float[days];
    boolean[] promo = new boolean[days];
    for (int t = 0; t < days; t++) {
      sales[t] = random.nextInt(5) == 0 ? 0 : random.nextInt(300);
      promo[t] = random.nextInt(4) == 0;
    }
    long first = LocalDate.of(2024, 2, 20).toEpochDay();
    SalesWindow window = new SalesWindow(sales, promo, 0);
    float[] row = new float[ForecastFeatures.COUNT];
    for (int t = W; t < days; t++) {
      window.write(row, 0, first + t, promo[t]);
      Map<String, Double> expected = direct(sales, promo, t, first + t);
      List<String> names = ForecastFeatures.names();
      for (int c = 0; c < names.size(); c++) {
        double want = expected.get(names.get(c));
        assertEquals(
            want, row[c], 1e-3 * Math.max(1, Math.abs(want)), names.get(c) + " on day " + t);
      }
      window.push(sales[t], promo[t]);
    }
  }

  @Test
  void write_calendarFeatures_areMondayZeroAndDayOfYear() {
    SalesWindow window = new SalesWindow(new float[W], new boolean[W], 0);
    float[] row = new float[ForecastFeatures.COUNT];
    window.write(row, 0, LocalDate.of(2024, 12, 31).toEpochDay(), false);
    int dayOfWeek = ForecastFeatures.names().indexOf("day_of_week");
    assertEquals(1f, row[dayOfWeek]);
    assertEquals(366f, row[ForecastFeatures.names().indexOf("day_of_year")]);
  }

  /** Every feature computed the slow way, straight from its description. */
  private static Map<String, Double> direct(float[] sales, boolean[] promo, int t, long epochDay) {
    Map<String, Double> f = new HashMap<>();
    for (int lag : new int[] {1, 2, 3, 7, 14, 21, 28}) {
      f.put("lag_" + lag, (double) sales[t - lag]);
    }
    for (int n : new int[] {7, 28}) {
      double mean = 0;
      double promos = 0;
      for (int k = 1; k <= n; k++) {
        mean += sales[t - k] / (double) n;
        promos += promo[t - k] ? 1.0 / n : 0;
      }
      double variance = 0;
      for (int k = 1; k <= n; k++) {
        variance += (sales[t - k] - mean) * (sales[t - k] - mean) / n;
      }
      f.put("mean_" + n, mean);
      f.put("std_" + n, Math.sqrt(variance));
      f.put("promo_share_" + n, promos);
    }
    f.put("weekday_mean_4", (sales[t - 7] + sales[t - 14] + sales[t - 21] + sales[t - 28]) / 4.0);
    f.put("promo", promo[t] ? 1.0 : 0);
    f.put("promo_lag_7", promo[t - 7] ? 1.0 : 0);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    f.put("day_of_week", date.getDayOfWeek().getValue() - 1.0);
    f.put("day_of_year", (double) date.getDayOfYear());
    return f;
  }
}
