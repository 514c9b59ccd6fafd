package io.batchserve.model.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import java.io.IOException;

/**
 * A booster's objective and number of classes, as SageMaker's XGBoost container reads them from the
 * booster's configuration ({@code learner.objective.name}, {@code
 * learner.learner_model_param.num_class}).
 */
public record Objective(String name, int classes) {
  /**
   * Reads them from the booster's JSON model.
   *
   * @throws IllegalArgumentException when the JSON does not say them
   */
  public static Objective read(byte[] modelJson) {
    try {
      JsonNode learner = Json.MAPPER.readTree(modelJson).path("learner");
      String name = learner.path("objective").path("name").asText("");
      int classes =
          Integer.parseInt(learner.path("learner_model_param").path("num_class").asText("0"));
      return new Objective(name, classes);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "cannot read the objective from the model: " + e.getMessage(), e);
    }
  }

  /** multi:softmax and binary:hinge answer a class, which an ensemble takes by vote. */
  public boolean votes() {
    return name.equals("multi:softmax") || name.equals("binary:hinge");
  }
}
