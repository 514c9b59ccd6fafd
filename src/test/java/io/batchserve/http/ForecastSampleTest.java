package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled models and sample input, end to end: both models loaded, JSON routed by request_type;
 * the records that ask for quantiles get them, in order and never crossing.
 */
class ForecastSampleTest {
  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

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
        boolean asked = Json.MAPPER.readTree(lines.get(i)).has("quantiles");
        for (var day : answer.get("forecast")) {
          assertEquals(asked, day.has("quantiles"), "line " + (i + 1));
          if (asked) {
            var q = day.get("quantiles");
            assertEquals(List.of("0.1", "0.5", "0.9"), fieldNames(q), "line " + (i + 1));
            double low = q.get("0.1").asDouble();
            double mid = q.get("0.5").asDouble();
            double high = q.get("0.9").asDouble();
            assertTrue(0 <= low && low <= mid && mid <= high, "line " + (i + 1) + ": " + q);
          }
        }
      }
    }
  }
}
