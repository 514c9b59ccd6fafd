package io.batchserve.model.forecast;

import java.util.List;

/**
 * One decoded request record: a series' last {@value ForecastFeatures#WINDOW} history days (oldest
 * first), the day the history ends, and what to forecast. The arrays are owned by this record and
 * never changed after decoding.
 *
 * @param itemId the record's {@code item_id}, echoed in the answer
 * @param lastDay epoch day of the last history day; the forecast starts the day after
 * @param sales sales of the last {@value ForecastFeatures#WINDOW} history days
 * @param promo promotion flags of those days
 * @param horizon days to forecast, {@code forecast_days}
 * @param futurePromo promotion flag of each forecast day (from {@code future_rows}), {@code
 *     horizon} long
 * @param targets the requested {@code target_cols}, each a member of {@link
 *     ForecastFeatures#TARGETS}
 */
public record Series(
    String itemId,
    long lastDay,
    float[] sales,
    boolean[] promo,
    int horizon,
    boolean[] futurePromo,
    List<String> targets) {
  public Series {
    if (sales.length != ForecastFeatures.WINDOW || promo.length != ForecastFeatures.WINDOW) {
      throw new IllegalArgumentException(
          "a series holds exactly " + ForecastFeatures.WINDOW + " history days");
    }
    if (horizon < 1 || futurePromo.length != horizon) {
      throw new IllegalArgumentException(
          "horizon " + horizon + " with " + futurePromo.length + " promotion flags");
    }
  }

  SalesWindow window() {
    return new SalesWindow(sales, promo, 0);
  }
}
