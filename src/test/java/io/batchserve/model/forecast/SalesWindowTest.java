package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
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
    float[] price = new float[days];
    float current = 3.49f;
    for (int t = 0; t < days; t++) {
      sales[t] = random.nextInt(5) == 0 ? 0 : random.nextInt(300);
      promo[t] = random.nextInt(4) == 0;
      current =
          random.nextInt(10) == 0 ? Math.round(random.nextFloat() * 900 + 50) / 100f : current;
      price[t] = current;
    }
    long first = LocalDate.of(2024, 2, 20).toEpochDay();
    long[] specials = {first + 30, first + 31, first + 45, first + 90};
    SpecialDays special = SpecialDays.of(specials);
    SalesWindow window = new SalesWindow(sales, promo, price, 0);
    float[] row = new float[ForecastFeatures.COUNT];
    for (int t = W; t < days; t++) {
      window.write(row, 0, first + t, promo[t], price[t], special);
      Map<String, Double> expected = direct(sales, promo, price, specials, t, first + t);
      List<String> names = ForecastFeatures.names();
      assertEquals(names.size(), expected.size());
      for (int c = 0; c < names.size(); c++) {
        double want = expected.get(names.get(c));
        assertEquals(
            want, row[c], 1e-3 * Math.max(1, Math.abs(want)), names.get(c) + " on day " + t);
      }
      window.push(sales[t], promo[t], price[t]);
    }
  }

  @Test
  void write_heldPrice_givesRatiosOfExactlyOneWhateverTheWindowHasSeen() {
    float[] sales = new float[400];
    float[] price = new float[400];
    Arrays.fill(price, 0.1f);
    price[10] = 0.3f;
    SalesWindow fresh = new SalesWindow(sales, new boolean[400], price, 399 - W);
    SalesWindow pushed = new SalesWindow(sales, new boolean[400], price, 0);
    for (int t = W; t < 399; t++) {
      pushed.push(0, false, price[t]);
    }
    float[] a = new float[ForecastFeatures.COUNT];
    float[] b = new float[ForecastFeatures.COUNT];
    fresh.write(a, 0, 20_000, false, 0.1f, SpecialDays.EMPTY);
    pushed.write(b, 0, 20_000, false, 0.1f, SpecialDays.EMPTY);
    int ratio28 = ForecastFeatures.names().indexOf("price_ratio_28");
    assertEquals(a[ratio28], b[ratio28]);
    assertEquals(1f, a[ratio28]);
  }

  @Test
  void write_withoutPrices_leavesPriceFeaturesMissing() {
    SalesWindow window = new SalesWindow(new float[W], new boolean[W], null, 0);
    float[] row = new float[ForecastFeatures.COUNT];
    window.write(row, 0, 20_000, false, Float.NaN, SpecialDays.EMPTY);
    for (String name : List.of("price_ratio_1", "price_ratio_7", "price_ratio_28")) {
      assertTrue(Float.isNaN(row[ForecastFeatures.names().indexOf(name)]), name);
    }
    assertEquals(8f, row[ForecastFeatures.names().indexOf("days_to_special")]);
    assertEquals(8f, row[ForecastFeatures.names().indexOf("days_since_special")]);
  }

  @Test
  void write_calendarFeatures_areMondayZeroAndDayOfYear() {
    SalesWindow window = new SalesWindow(new float[W], new boolean[W], null, 0);
    float[] row = new float[ForecastFeatures.COUNT];
    window.write(
        row, 0, LocalDate.of(2024, 12, 31).toEpochDay(), false, Float.NaN, SpecialDays.EMPTY);
    int dayOfWeek = ForecastFeatures.names().indexOf("day_of_week");
    assertEquals(1f, row[dayOfWeek]);
    assertEquals(366f, row[ForecastFeatures.names().indexOf("day_of_year")]);
  }

  /** Every feature computed the slow way, straight from its description. */
  private static Map<String, Double> direct(
      float[] sales, boolean[] promo, float[] price, long[] specials, int t, long epochDay) {
    Map<String, Double> f = new HashMap<>();
    for (int lag : new int[] {1, 2, 3, 7, 14, 21, 28}) {
      f.put("lag_" + lag, (double) sales[t - lag]);
    }
    for (int n : new int[] {7, 28}) {
      double mean = 0;
      double promos = 0;
      double meanPrice = 0;
      for (int k = 1; k <= n; k++) {
        mean += sales[t - k] / (double) n;
        promos += promo[t - k] ? 1.0 / n : 0;
        meanPrice += price[t - k] / (double) n;
      }
      double variance = 0;
      for (int k = 1; k <= n; k++) {
        variance += (sales[t - k] - mean) * (sales[t - k] - mean) / n;
      }
      f.put("mean_" + n, mean);
      f.put("std_" + n, Math.sqrt(variance));
      f.put("promo_share_" + n, promos);
      f.put("price_ratio_" + n, price[t] / meanPrice);
    }
    f.put("price_ratio_1", (double) price[t] / price[t - 1]);
    f.put("weekday_mean_4", (sales[t - 7] + sales[t - 14] + sales[t - 21] + sales[t - 28]) / 4.0);
    f.put("promo", promo[t] ? 1.0 : 0);
    f.put("promo_lag_7", promo[t - 7] ? 1.0 : 0);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    f.put("day_of_week", date.getDayOfWeek().getValue() - 1.0);
    f.put("day_of_year", (double) date.getDayOfYear());
    double to = 8;
    double since = 8;
    for (long s : specials) {
      if (s >= epochDay && s - epochDay <= 7) {
        to = Math.min(to, s - epochDay);
      }
      if (s < epochDay && epochDay - s <= 7) {
        since = Math.min(since, epochDay - s);
      }
    }
    f.put("days_to_special", to);
    f.put("days_since_special", since);
    return f;
  }
}
