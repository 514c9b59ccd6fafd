package io.batchserve.model.forecast;

import java.util.List;
import java.util.Set;

/**
 * What a forecast request record must satisfy, from the model's descriptor.
 *
 * @param requestTypes accepted {@code request_type} values
 * @param minHistoryDays fewest consecutive history days a record may send, at least {@value
 *     ForecastFeatures#WINDOW}
 * @param maxForecastDays largest {@code forecast_days}, at most {@value
 *     ForecastFeatures#MAX_FORECAST_DAYS}
 * @param targets accepted {@code target_cols} entries, a subset of {@link ForecastFeatures#TARGETS}
 */
public record ForecastRules(
    Set<String> requestTypes, int minHistoryDays, int maxForecastDays, List<String> targets) {
  public ForecastRules {
    requestTypes = Set.copyOf(requestTypes);
    targets = List.copyOf(targets);
    if (requestTypes.isEmpty() || targets.isEmpty()) {
      throw new IllegalArgumentException(
          "a forecaster needs at least one request type and one target");
    }
    if (minHistoryDays < ForecastFeatures.WINDOW) {
      throw new IllegalArgumentException(
          "min_history_days "
              + minHistoryDays
              + " < "
              + ForecastFeatures.WINDOW
              + ", the days the features look back over");
    }
    if (maxForecastDays < 1 || maxForecastDays > ForecastFeatures.MAX_FORECAST_DAYS) {
      throw new IllegalArgumentException(
          "max_forecast_days must be 1.."
              + ForecastFeatures.MAX_FORECAST_DAYS
              + ": "
              + maxForecastDays);
    }
    if (!ForecastFeatures.TARGETS.containsAll(targets)) {
      throw new IllegalArgumentException(
          "targets " + targets + " are not all computed; supported: " + ForecastFeatures.TARGETS);
    }
  }

  /** The rules of the bundled model. */
  public static ForecastRules defaults() {
    return new ForecastRules(
        Set.of(ForecastModel.REQUEST_TYPE),
        ForecastFeatures.WINDOW,
        ForecastFeatures.MAX_FORECAST_DAYS,
        ForecastFeatures.TARGETS);
  }
}
