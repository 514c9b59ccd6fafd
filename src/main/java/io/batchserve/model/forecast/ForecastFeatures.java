package io.batchserve.model.forecast;

import java.util.List;

/**
 * The forecaster's input features, in model column order, as {@link SalesWindow#write} computes
 * them for a target day t from the 28 days before it. Sales-based features see actual sales in the
 * history and the model's own (clipped) predictions once the recursion has passed the last history
 * day.
 */
public final class ForecastFeatures {
  /** A feature's name and meaning. */
  public record Feature(String name, String description) {}

  /**
   * Days of sales the features look back over: the shortest history the model can forecast from.
   */
  public static final int WINDOW = 28;

  /**
   * The forecast targets this code computes; a request's {@code target_cols} must name only these.
   */
  public static final List<String> TARGETS = List.of("daily_sales");

  /** The longest horizon a request may ask for. */
  public static final int MAX_FORECAST_DAYS = 366;

  public static final List<Feature> FEATURES =
      List.of(
          new Feature("lag_1", "sales on day t-1"),
          new Feature("lag_2", "sales on day t-2"),
          new Feature("lag_3", "sales on day t-3"),
          new Feature("lag_7", "sales on day t-7 (same weekday last week)"),
          new Feature("lag_14", "sales on day t-14"),
          new Feature("lag_21", "sales on day t-21"),
          new Feature("lag_28", "sales on day t-28"),
          new Feature("mean_7", "mean sales over days t-7 .. t-1"),
          new Feature("mean_28", "mean sales over days t-28 .. t-1"),
          new Feature("std_7", "population standard deviation of sales over days t-7 .. t-1"),
          new Feature("std_28", "population standard deviation of sales over days t-28 .. t-1"),
          new Feature(
              "weekday_mean_4",
              "mean of lag_7, lag_14, lag_21 and lag_28 (same weekday, last 4 weeks)"),
          new Feature("promo", "1 if day t is on promotion, else 0"),
          new Feature("promo_lag_7", "1 if day t-7 was on promotion, else 0"),
          new Feature("promo_share_7", "share of promotion days among days t-7 .. t-1"),
          new Feature("promo_share_28", "share of promotion days among days t-28 .. t-1"),
          new Feature("day_of_week", "day of week of day t, 0 = Monday .. 6 = Sunday"),
          new Feature("day_of_year", "day of year of day t, 1 .. 366"),
          new Feature(
              "price_ratio_1", "price of day t / price of day t-1 (missing without prices)"),
          new Feature(
              "price_ratio_7",
              "price of day t / mean price over days t-7 .. t-1 (missing without prices)"),
          new Feature(
              "price_ratio_28",
              "price of day t / mean price over days t-28 .. t-1 (missing without prices)"),
          new Feature(
              "days_to_special",
              "days from t to the next special day (0 when t is one), 8 when none within 7"),
          new Feature(
              "days_since_special",
              "days since the last special day before t, 8 when none within 7"));

  public static final int COUNT = FEATURES.size();

  private ForecastFeatures() {}

  public static List<String> names() {
    return FEATURES.stream().map(Feature::name).toList();
  }
}
