package io.batchserve.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.forecast.ForecastModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed forecaster beats the seasonal-naive baseline over the full recursive 31-day
 * horizon.
 */
class ForecastAccuracyTest {
  @Test
  void committedModel_beatsSeasonalNaiveOnHeldOutItems() throws Exception {
    ModelDescriptor descriptor = ModelDescriptor.read(Path.of("model/forecast"));
    ForecastModel model = ForecastModel.load(descriptor);

    ForecastEvaluation.Result result =
        ForecastEvaluation.run(model, ForecastTraining.holdoutItems());

    assertEquals(31, result.horizon());
    assertTrue(result.modelWape() < 0.9 * result.seasonalNaiveWape(), result.toString());
    assertTrue(result.modelWapeWithoutPromotions() < result.seasonalNaiveWape(), result.toString());
    JsonNode recorded = descriptor.raw().get("training").get("holdout");
    assertEquals(
        recorded.get("wape").asDouble(), result.modelWape(), 5e-5, "descriptor's hold-out WAPE");
    assertEquals(recorded.get("wape_seasonal_naive").asDouble(), result.seasonalNaiveWape(), 5e-5);
  }
}
