package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled models answer the sample data through the server byte for byte alike with the Java
 * engine and with xgboost4j (today's path), in every answer type; the stats line names the engine
 * serving each model.
 */
class EngineAnswersTest {
  private static final List<String> CHURN =
      List.of("test/data/churn/customers-001.csv", "test/data/churn/customers-002.csv");
  private static final List<String> FORECAST =
      List.of("test/data/forecast/items-001.jsonl", "test/data/forecast/items-002.jsonl");

  @Test
  void bundledModels_javaAndXgboost4j_answerTheSameBytes() throws IOException {
    Map<String, String> xgboost = answers("xgboost4j");
    Map<String, String> java = answers("java");
    assertEquals(8, xgboost.size());
    assertEquals(xgboost, java);
  }

  private static Map<String, String> answers(String engine) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ModelServer server =
        TestServers.awaitReady(
            ModelServer.start(
                TestServers.config(
                    TestServers.flags(Path.of("model"), 2),
                    Map.of("BATCHSERVE_ENGINE", engine))))) {
      for (String file : CHURN) {
        String rows =
            Files.readAllLines(Path.of(file)).stream()
                .map(line -> line.substring(line.indexOf(',') + 1))
                .collect(Collectors.joining("\n", "", "\n"));
        for (String accept : List.of("text/csv", "application/jsonlines")) {
          out.put(
              file + " " + accept,
              ok(Http.post(server.port(), rows, "Content-Type", "text/csv", "Accept", accept)));
        }
      }
      for (String file : FORECAST) {
        String items = Files.readString(Path.of(file));
        for (String accept : List.of("application/jsonlines", "application/json")) {
          out.put(
              file + " " + accept,
              ok(
                  Http.post(
                      server.port(),
                      items,
                      "Content-Type",
                      "application/jsonlines",
                      "Accept",
                      accept)));
        }
      }
      String line = server.statsLine();
      assertTrue(line.endsWith("; engines: churn " + engine + ", forecast " + engine), line);
    }
    return out;
  }

  private static String ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }
}
