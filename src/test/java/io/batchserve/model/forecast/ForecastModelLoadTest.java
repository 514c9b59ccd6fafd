package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import io.batchserve.codec.MediaType;
import io.batchserve.model.Model;
import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled forecaster loads from model/; a descriptor that disagrees with the code is refused at
 * start-up.
 */
class ForecastModelLoadTest {
  @TempDir Path dir;

  @Test
  void load_bundledModelDirectory_servesChurnAndForecast() throws Exception {
    List<Model<?, ?>> models = ModelLoader.load(Path.of("model"));
    Model<?, ?> forecast =
        models.stream().filter(m -> m.info().name().equals("forecast")).findFirst().orElseThrow();
    assertEquals(ForecastModel.KIND, forecast.info().kind());
    assertEquals(Set.of("iterative_forecast"), forecast.info().requestTypes());
    assertEquals(List.of(MediaType.JSON_LINES, MediaType.JSON), forecast.info().contentTypes());
    forecast.warmUp();
  }

  @Test
  void load_featuresOutOfOrder_isRefused() throws Exception {
    assertRefused(d -> d.withArray("features").remove(0), "features must be exactly");
  }

  @Test
  void load_minHistoryBelowTheWindow_isRefused() throws Exception {
    assertRefused(d -> d.put("min_history_days", 7), "min_history_days 7 < 28");
  }

  @Test
  void load_unknownTarget_isRefused() throws Exception {
    assertRefused(d -> d.putArray("targets").add("daily_revenue"), "not all computed");
  }

  @Test
  void load_maxForecastDaysMissing_isRefused() throws Exception {
    assertRefused(d -> d.remove("max_forecast_days"), "'max_forecast_days' must be a whole number");
  }

  @Test
  void load_quantilesNamingAPath_isRefused() throws Exception {
    assertRefused(
        d -> d.put("quantiles", "../churn/quantiles.json"),
        "'quantiles' must name a file beside the descriptor, got \"../churn/quantiles.json\"");
  }

  @Test
  void load_quantilesFileMissing_isRefusedNamingIt() throws Exception {
    assertRefused(d -> d.put("quantiles", "absent.json"), "cannot read the quantile table");
  }

  @Test
  void load_withoutQuantilesField_servesWithoutQuantiles() throws Exception {
    Files.copy(Path.of("model/forecast/xgboost-model.ubj"), dir.resolve("xgboost-model.ubj"));
    ObjectNode descriptor =
        (ObjectNode)
            Json.MAPPER.readTree(Path.of("model/forecast", ModelDescriptor.FILE_NAME).toFile());
    descriptor.remove("quantiles");
    Files.writeString(dir.resolve(ModelDescriptor.FILE_NAME), descriptor.toString());
    ForecastModel model = ForecastModel.load(ModelDescriptor.read(dir));
    assertEquals(null, model.quantiles());
  }

  private void assertRefused(Consumer<ObjectNode> change, String message) throws Exception {
    Files.copy(Path.of("model/forecast/xgboost-model.ubj"), dir.resolve("xgboost-model.ubj"));
    ObjectNode descriptor =
        (ObjectNode)
            Json.MAPPER.readTree(Path.of("model/forecast", ModelDescriptor.FILE_NAME).toFile());
    change.accept(descriptor);
    Files.writeString(dir.resolve(ModelDescriptor.FILE_NAME), descriptor.toString());
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
