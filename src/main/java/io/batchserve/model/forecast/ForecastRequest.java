package io.batchserve.model.forecast;

import io.batchserve.model.Model;
import java.util.List;

/**
 * The decoded records of one request, in order.
 *
 * @param series one per record
 * @param shape how an {@code application/json} body held them, which a JSON answer mirrors
 */
public record ForecastRequest(List<Series> series, Shape shape) implements Model.Batch {
  /** The JSON body's form: one record object, an array of them, or {@code {"instances":[...]}}. */
  public enum Shape {
    /** One object in, one object out. */
    OBJECT,
    /** An array (or JSON Lines) in, an array out. */
    ARRAY,
    /**
     * {@code {"instances":[...]}} in, {@code {"predictions":[...]}} out, as SageMaker's JSON
     * convention has it.
     */
    INSTANCES
  }

  public ForecastRequest {
    series = List.copyOf(series);
  }

  @Override
  public int records() {
    return series.size();
  }
}
