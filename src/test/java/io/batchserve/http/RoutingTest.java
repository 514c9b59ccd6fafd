package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import io.batchserve.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several models in one directory: CSV goes to the churn model, JSON by request_type, or by custom
 * attribute.
 */
class RoutingTest {
  @TempDir static Path dir;
  private static ModelServer server;
  private static String churnRow;

  @BeforeAll
  static void start() throws IOException {
    copy(Path.of("model/churn"), dir.resolve("churn"));
    TinyModels.tabularFolder(dir.resolve("tiny"), "tiny");
    server = TestServers.start(dir);
    String sample = Files.readAllLines(Path.of("test/data/churn/customers-001.csv")).get(0);
    churnRow = sample.substring(sample.indexOf(',') + 1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void csv_goesToFirstCsvModelByName() {
    var response = Http.post(server.port(), churnRow + "\n", "Content-Type", "text/csv");
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void customAttribute_choosesModel() {
    var response =
        Http.post(
            server.port(),
            "1.5,0.9,0.1\n",
            "Content-Type",
            "text/csv",
            "X-Amzn-SageMaker-Custom-Attributes",
            "model=tiny");
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void requestType_choosesModel() {
    var response =
        Http.post(
            server.port(),
            "{\"request_type\":\"tiny\",\"a\":1.5,\"b\":0.9,\"c\":0.1}\n",
            "Content-Type",
            "application/jsonlines");
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void json_withoutRequestType_isA400ListingModels() {
    var response =
        Http.post(server.port(), "{\"a\":1.5}\n", "Content-Type", "application/jsonlines");
    assertEquals(400, response.statusCode());
    assertTrue(
        response.body().contains("several models are loaded (churn, tiny)"), response.body());
  }

  @Test
  void unknownRequestType_isA400ListingModels() {
    var response =
        Http.post(
            server.port(), "[{\"request_type\":\"nope\"}]", "Content-Type", "application/json");
    assertEquals(400, response.statusCode());
    assertTrue(
        response
            .body()
            .contains("request_type 'nope' matches no loaded model; loaded: churn, tiny"),
        response.body());
  }
}
