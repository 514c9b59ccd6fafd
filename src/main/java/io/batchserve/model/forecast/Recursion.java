package io.batchserve.model.forecast;

import io.batchserve.model.Scorer;
import java.util.Arrays;
import java.util.List;

/**
 * The day-by-day forecast of many series at once. For each day step it writes one feature row per
 * series that still has days to forecast, makes ONE native call for all of them, clips the
 * predictions at zero and pushes each into its series' window, so that the next day's lags and
 * rolling statistics see it. A batch therefore costs as many native calls as its longest horizon,
 * plus O(series x features) Java work per day.
 *
 * <p>Stateless; each call works on its own windows and buffers, so concurrent calls are safe when
 * the scorer is.
 */
final class Recursion {
  private static final int F = ForecastFeatures.COUNT;

  private Recursion() {}

  /**
   * Forecasts every series over its own horizon; {@code result[i]} has {@code
   * series.get(i).horizon()} days.
   */
  static float[][] run(Scorer scorer, List<Series> series) {
    int[] order = byHorizonDescending(series);
    SalesWindow[] windows = new SalesWindow[order.length];
    float[][] result = new float[order.length][];
    for (int k = 0; k < order.length; k++) {
      Series s = series.get(order[k]);
      windows[k] = s.window();
      result[order[k]] = new float[s.horizon()];
    }
    float[] rows = new float[order.length * F];
    int active = order.length;
    for (int day = 0; ; day++) {
      while (active > 0 && series.get(order[active - 1]).horizon() <= day) {
        active--;
      }
      if (active == 0) {
        return result;
      }
      if (rows.length != active * F) {
        rows = new float[active * F];
      }
      step(scorer, series, order, windows, result, active, day, rows);
    }
  }

  private static void step(
      Scorer scorer,
      List<Series> series,
      int[] order,
      SalesWindow[] windows,
      float[][] result,
      int active,
      int day,
      float[] rows) {
    for (int k = 0; k < active; k++) {
      Series s = series.get(order[k]);
      windows[k].write(
          rows, k * F, s.lastDay() + day + 1, s.futurePromo()[day], s.priceOn(day), s.special());
    }
    float[][] predicted = scorer.score(rows, active, F);
    for (int k = 0; k < active; k++) {
      Series s = series.get(order[k]);
      float value = Math.max(0f, predicted[k][0]);
      result[order[k]][day] = value;
      windows[k].push(value, s.futurePromo()[day], s.priceOn(day));
    }
  }

  /**
   * Series indices, longest horizon first, so that the series still forecasting on any day are a
   * prefix.
   */
  private static int[] byHorizonDescending(List<Series> series) {
    long[] keys = new long[series.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ((long) (Integer.MAX_VALUE - series.get(i).horizon()) << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }
}
