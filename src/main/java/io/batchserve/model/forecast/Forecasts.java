package io.batchserve.model.forecast;

import java.util.List;

/**
 * The answer to one request: for each of its series, in order, the forecast of each day after the
 * history.
 *
 * @param request the request answered
 * @param values {@code values[i][d]} is series i's forecast for day d+1 after its last history day,
 *     never negative
 */
public record Forecasts(ForecastRequest request, float[][] values) {
  public Forecasts {
    if (values.length != request.records()) {
      throw new IllegalArgumentException(
          values.length + " forecasts for " + request.records() + " series");
    }
  }

  public List<Series> series() {
    return request.series();
  }
}
