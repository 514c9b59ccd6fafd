package io.batchserve.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.train.ForecastEvaluation.Method;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed forecaster against three baselines over the full recursive 31-day horizon, on
 * held-out items whose forecast origins come after the training data: at least 15 % lower WAPE than
 * the best baseline with known future promotions and prices, at least 5 % without them.
 */
class ForecastAccuracyTest {
  private static ModelDescriptor descriptor;
  private static ForecastEvaluation.Result result;

  @BeforeAll
  static void evaluate() throws Exception {
    descriptor = ModelDescriptor.read(Path.of("model/forecast"));
    ForecastModel model = ForecastModel.load(descriptor);
    result = ForecastEvaluation.run(model, ForecastTraining.holdoutItems());
  }

  @Test
  void committedModel_withKnownFutureInputs_beatsTheBestBaselineBy15Percent() {
    assertEquals(31, result.horizon());
    assertTrue(result.improvement(Method.MODEL) >= 0.15, result.report());
  }

  @Test
  void committedModel_withoutFutureInputs_beatsTheBestBaselineBy5Percent() {
    assertTrue(result.improvement(Method.MODEL_WITHOUT_FUTURE) >= 0.05, result.report());
  }

  @Test
  void run_holtWinters_beatsSeasonalNaive() {
    // A baseline worth the name: exponential smoothing must do better than copying one week.
    assertTrue(
        result.score(Method.HOLT_WINTERS).wape() < result.score(Method.SEASONAL_NAIVE).wape(),
        result.report());
  }

  @Test
  void run_everyScore_matchesTheDescriptorsRecord() {
    JsonNode recorded = descriptor.raw().get("training").get("holdout").get("wape");
    for (Method m : Method.values()) {
      String key = m.name().toLowerCase(Locale.ROOT);
      assertEquals(recorded.get(key).asDouble(), result.score(m).wape(), 5e-5, key);
    }
  }

  @Test
  void quantileBand_heldOut_holdsAbout80PercentOfActualDaysEveryWeek() {
    assertEquals(2, result.coverage().size());
    for (ForecastEvaluation.Coverage c : result.coverage()) {
      assertTrue(c.share() > 0.77 && c.share() < 0.83, result.report());
      for (double week : c.byWeek()) {
        assertTrue(week > 0.75 && week < 0.85, result.report());
      }
    }
  }

  @Test
  void cut_everyOrigin_isAfterTheTrainingData() {
    for (int i = 0; i < 12; i++) {
      assertTrue(ForecastEvaluation.cut(i) >= ForecastTraining.DAYS);
      assertTrue(
          ForecastEvaluation.cut(i) + ForecastEvaluation.HORIZON <= ForecastEvaluation.days());
    }
  }
}
