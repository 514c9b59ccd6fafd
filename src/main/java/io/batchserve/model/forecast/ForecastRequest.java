package io.batchserve.model.forecast;

import io.batchserve.model.Model;
import java.util.List;

/**
 * The decoded records of one request, in order.
 *
 * @param series one per record
 * @param singleObject whether the body was one JSON object rather than an array or JSON Lines: a JSON answer is then
 *     one object too
 */
public record ForecastRequest(List<Series> series, boolean singleObject) implements Model.Batch {
  public ForecastRequest {
    series = List.copyOf(series);
  }

  @Override
  public int records() {
    return series.size();
  }
}
