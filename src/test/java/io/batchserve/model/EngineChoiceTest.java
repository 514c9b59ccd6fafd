package io.batchserve.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.MediaType;
import io.batchserve.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled models qualify for the Java engine, verify on load, and answer exactly what xgboost4j
 * answers.
 */
class EngineChoiceTest {
  @Test
  void load_bundledModels_areServedByTheJavaEngineAfterVerification() throws Exception {
    try (LogCapture log = new LogCapture()) {
      List<Model<?, ?>> models =
          ModelLoader.load(Path.of("model"), new LoadOptions(0, Engine.JAVA));
      assertEquals(2, models.size());
      assertTrue(
          log.text()
              .contains(
                  "model 'churn': Java engine (300 trees, 20 features, sigmoid link), verified "
                      + "bit for bit against xgboost4j"),
          log.text());
      assertTrue(
          log.text()
              .contains("model 'forecast': Java engine (200 trees, 23 features, identity link)"),
          log.text());
    }
  }

  @Test
  void churnAnswers_javaAndXgboost4j_areTheSameBytes() throws Exception {
    byte[] body =
        Files.readAllLines(Path.of("test/data/churn/customers-001.csv")).stream()
            .map(line -> line.substring(line.indexOf(',') + 1))
            .collect(Collectors.joining("\n", "", "\n"))
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(new String(answer(Engine.XGBOOST4J, body)), new String(answer(Engine.JAVA, body)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] answer(Engine engine, byte[] body) throws Exception {
    Model model = ModelLoader.load(Path.of("model/churn"), new LoadOptions(0, engine)).get(0);
    Model.Batch batch = model.decode(MediaType.CSV, body, body.length);
    Object result = model.predict(List.of(batch)).get(0);
    return model.encode(result, MediaType.CSV);
  }
}
