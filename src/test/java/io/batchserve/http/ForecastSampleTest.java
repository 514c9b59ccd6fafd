package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.codec.Json;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled models and sample input, end to end: both models loaded, JSON routed by request_type.
 */
class ForecastSampleTest {
  @Test
  void invocations_sampleFileOnBundledModels_answersEveryItemInOrder() throws Exception {
    Path sample = Path.of("test/data/forecast/items-001.jsonl");
    List<String> lines = Files.readAllLines(sample);
    try (ModelServer server = TestServers.start(Path.of("model"))) {
      HttpResponse<String> response =
          Http.post(
              server.port(), Files.readAllBytes(sample), "Content-Type", "application/jsonlines");

      assertEquals(200, response.statusCode(), response.body());
      String[] answers = response.body().split("\n");
      assertEquals(lines.size(), answers.length);
      for (int i = 0; i < lines.size(); i++) {
        String itemId = Json.MAPPER.readTree(lines.get(i)).get("item_id").asText();
        var answer = Json.MAPPER.readTree(answers[i]);
        assertEquals(itemId, answer.get("item_id").asText(), "line " + (i + 1));
        assertEquals(31, answer.get("forecast").size());
        assertEquals("2026-01-01", answer.get("forecast").get(0).get("date").asText());
      }
    }
  }
}
