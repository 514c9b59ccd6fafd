package io.batchserve.model.forecast;

import java.util.List;

/**
 * One decoded request record: a series' last {@value ForecastFeatures#WINDOW} history days (oldest
 * first), the day the history ends, what is known of the days to forecast, and what to answer. The
 * arrays are owned by this record and never changed after decoding.
 *
 * @param itemId the record's {@code item_id}, echoed in the answer
 * @param lastDay epoch day of the last history day; the forecast starts the day after
 * @param sales sales of the last {@value ForecastFeatures#WINDOW} history days
 * @param promo promotion flags of those days
 * @param price prices of those days, or null when the record sends no prices
 * @param horizon days to forecast, {@code forecast_days}
 * @param futurePromo promotion flag of each forecast day (from {@code future_rows}), {@code
 *     horizon} long
 * @param futurePrice price of each forecast day ({@code future_rows}' prices, each held until the
 *     next, starting from the last history price), {@code horizon} long; null when {@code price} is
 * @param futureRows whether the record sent {@code future_rows} (which quantile calibration
 *     applies)
 * @param special the record's {@code special_days}
 * @param targets the requested {@code target_cols}, each a member of {@link
 *     ForecastFeatures#TARGETS}
 * @param quantiles the requested {@code quantiles}, ascending, each in (0, 1); empty for none
 */
public record Series(
    String itemId,
    long lastDay,
    float[] sales,
    boolean[] promo,
    float[] price,
    int horizon,
    boolean[] futurePromo,
    float[] futurePrice,
    boolean futureRows,
    SpecialDays special,
    List<String> targets,
    float[] quantiles) {
  public Series {
    int w = ForecastFeatures.WINDOW;
    if (sales.length != w || promo.length != w || (price != null && price.length != w)) {
      throw new IllegalArgumentException("a series holds exactly " + w + " history days");
    }
    if (horizon < 1 || futurePromo.length != horizon) {
      throw new IllegalArgumentException(
          "horizon " + horizon + " with " + futurePromo.length + " promotion flags");
    }
    if ((price == null) != (futurePrice == null)
        || (futurePrice != null && futurePrice.length != horizon)) {
      throw new IllegalArgumentException("prices for the history and the whole horizon, or none");
    }
  }

  /** A series of sales and promotions alone: no prices, special days or quantiles. */
  public static Series of(
      String itemId,
      long lastDay,
      float[] sales,
      boolean[] promo,
      boolean[] futurePromo,
      List<String> targets) {
    return new Series(
        itemId,
        lastDay,
        sales,
        promo,
        null,
        futurePromo.length,
        futurePromo,
        null,
        false,
        SpecialDays.EMPTY,
        targets,
        new float[0]);
  }

  SalesWindow window() {
    return new SalesWindow(sales, promo, price, 0);
  }

  /** The price of forecast day {@code day} (0-based), NaN without prices. */
  float priceOn(int day) {
    return futurePrice == null ? Float.NaN : futurePrice[day];
  }
}
