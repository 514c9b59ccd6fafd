package io.batchserve.model.train;

import io.batchserve.model.forecast.ForecastFeatures;
import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.forecast.ForecastRequest;
import io.batchserve.model.forecast.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accuracy of the forecaster on held-out synthetic items, over the full recursive horizon: each
 * item's history is cut {@value #HORIZON} days before a cut point, the model forecasts those days
 * through {@link ForecastModel#predict} (the serving path), and the forecasts are scored with WAPE
 * (sum of absolute errors over sum of actual sales, all items and days together) against the
 * seasonal-naive baseline, which repeats the last observed week.
 */
final class ForecastEvaluation {
  public static final int HORIZON = 31;

  /**
   * WAPE of the model with the held-out promotions given as {@code future_rows}, of the model
   * without them, and of the seasonal-naive baseline.
   */
  public record Result(
      int items,
      int horizon,
      double modelWape,
      double modelWapeWithoutPromotions,
      double seasonalNaiveWape) {}

  private ForecastEvaluation() {}

  /**
   * Forecasts the last {@value #HORIZON} days before each item's cut point: item i is cut {@code 30
   * * (i % 12)} days before its end, so that the horizons spread over a year.
   */
  public static Result run(ForecastModel model, List<ForecastData.Item> items) {
    double[] absoluteErrors = new double[3];
    double actual = 0;
    float[][] withPromos = forecast(model, items, true);
    float[][] withoutPromos = forecast(model, items, false);
    for (int i = 0; i < items.size(); i++) {
      ForecastData.Item item = items.get(i);
      int cut = cut(item, i);
      for (int h = 0; h < HORIZON; h++) {
        float truth = item.sales()[cut + h];
        actual += truth;
        absoluteErrors[0] += Math.abs(truth - withPromos[i][h]);
        absoluteErrors[1] += Math.abs(truth - withoutPromos[i][h]);
        absoluteErrors[2] += Math.abs(truth - item.sales()[cut - 7 + h % 7]);
      }
    }
    return new Result(
        items.size(),
        HORIZON,
        absoluteErrors[0] / actual,
        absoluteErrors[1] / actual,
        absoluteErrors[2] / actual);
  }

  static int cut(ForecastData.Item item, int index) {
    return item.days() - HORIZON - 30 * (index % 12);
  }

  private static float[][] forecast(
      ForecastModel model, List<ForecastData.Item> items, boolean promotions) {
    List<Series> series = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ForecastData.Item item = items.get(i);
      int cut = cut(item, i);
      int from = cut - ForecastFeatures.WINDOW;
      boolean[] future =
          promotions ? Arrays.copyOfRange(item.promo(), cut, cut + HORIZON) : new boolean[HORIZON];
      series.add(
          new Series(
              item.itemId(),
              item.firstDay() + cut - 1,
              Arrays.copyOfRange(item.sales(), from, cut),
              Arrays.copyOfRange(item.promo(), from, cut),
              HORIZON,
              future,
              ForecastFeatures.TARGETS));
    }
    return model
        .predict(List.of(new ForecastRequest(series, ForecastRequest.Shape.ARRAY)))
        .get(0)
        .values();
  }
}
