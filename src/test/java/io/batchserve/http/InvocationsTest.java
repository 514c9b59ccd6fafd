package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.Json;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import io.batchserve.testing.TinyModels;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /invocations on one tabular model: N records in, N out, in order, in every answer type. */
class InvocationsTest {
  @TempDir static Path dir;
  private ModelServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TinyModels.tabularFolder(dir.resolve("m"), "m"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body, String... headers) {
    return Http.post(server.port(), body, headers);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 10_000})
  void csv_nLinesIn_nScoresOutInOrder(int lines) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      body.append(i % 2 == 0 ? "1.5,0.9,0.1" : "0.1,0.1,0.1").append('\n');
    }
    HttpResponse<String> response = post(body.toString(), "Content-Type", "text/csv");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("text/csv", response.headers().firstValue("Content-Type").orElseThrow());
    String[] scores = response.body().split("\n", -1);
    assertEquals(lines + 1, scores.length, "one line per record and a final line end");
    assertEquals("", scores[lines]);
    for (int i = 0; i < lines; i++) {
      float score = Float.parseFloat(scores[i]);
      assertTrue(i % 2 == 0 ? score > 0.5f : score < 0.5f, "line " + (i + 1) + " scored " + score);
    }
  }

  @Test
  void csv_withoutTrailingNewlineAndWithCrlf_isAccepted() {
    assertEquals(
        2,
        post("1.5,0.9,0.1\r\n0.1,0.1,0.1", "Content-Type", "text/csv").body().split("\n").length);
  }

  @Test
  void libsvm_scoresAsTheSameRowsInCsv() {
    String csv = post("1.5,0.9,\n,0.1,0.1\n", "Content-Type", "text/csv").body();
    HttpResponse<String> response =
        post("1 0:1.5 1:0.9\n0 1:0.1 2:0.1\n", "Content-Type", "text/libsvm");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "text/csv",
        response.headers().firstValue("Content-Type").orElseThrow(),
        "CSV answers libsvm");
    assertEquals(csv, response.body());
  }

  @Test
  void libsvm_oneBasedServer_readsIndicesFromOne() {
    String zeroBased = post("0:1.5 1:0.9\n", "Content-Type", "text/libsvm").body();
    var flags = TestServers.flags(dir.resolve("m"), 1);
    try (ModelServer oneBased =
        TestServers.awaitReady(
            ModelServer.start(
                TestServers.config(flags, Map.of("BATCHSERVE_LIBSVM_INDEX_BASE", "1"))))) {
      assertEquals(
          zeroBased,
          Http.post(oneBased.port(), "1:1.5 2:0.9\n", "Content-Type", "text/libsvm").body());
    }
  }

  @Test
  void libsvm_badToken_is400NamingTheLine() {
    HttpResponse<String> response = post("0:1.5\n0:1 9:2\n", "Content-Type", "text/x-libsvm");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .body()
            .contains("line 2: feature index 9 in '9:2' is outside the model's 3 features"),
        response.body());
  }

  @Test
  void csv_emptyFieldsAreMissing() {
    HttpResponse<String> response = post(",,\n1.5,,0.1\n", "Content-Type", "text/csv");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(2, response.body().split("\n").length);
  }

  @Test
  void accept_json_givesPredictionsObject() throws Exception {
    HttpResponse<String> response =
        post(
            "1.5,0.9,0.1\n0.1,0.1,0.1\n", "Content-Type", "text/csv", "Accept", "application/json");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    var predictions = Json.MAPPER.readTree(response.body()).get("predictions");
    assertEquals(2, predictions.size());
    assertTrue(predictions.get(0).get("score").floatValue() > 0.5f);
  }

  @Test
  void accept_jsonLines_givesOneObjectPerLine() throws Exception {
    HttpResponse<String> response =
        post(
            "1.5,0.9,0.1\n0.1,0.1,0.1\n",
            "Content-Type",
            "text/csv",
            "Accept",
            "application/jsonlines");
    String[] lines = response.body().split("\n");
    assertEquals(2, lines.length);
    assertTrue(Json.MAPPER.readTree(lines[1]).get("score").floatValue() < 0.5f);
  }

  @Test
  void headers_caseAndParametersIgnored() {
    HttpResponse<String> response =
        post(
            "1.5,0.9,0.1\n",
            "Content-Type",
            "TEXT/CSV; charset=UTF-8",
            "Accept",
            "Application/JSONLines; charset=utf-8",
            "X-Unknown-Header",
            "whatever");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "application/jsonlines", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void accept_wildcard_fallsBackToInputType() {
    HttpResponse<String> response =
        post(
            "{\"a\":1.5,\"b\":0.9,\"c\":0.1}\n",
            "Content-Type",
            "application/jsonlines",
            "Accept",
            "*/*");
    assertEquals(
        "application/jsonlines", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void jsonLines_namedFeaturesAndArrays_nInNOut() throws Exception {
    String body =
        "{\"a\":1.5,\"b\":0.9,\"c\":0.1,\"id\":\"x1\"}\n[0.1,0.1,null]\n{\"a\":1.5,\"b\":0.9}\n";
    HttpResponse<String> response = post(body, "Content-Type", "application/jsonlines");
    assertEquals(200, response.statusCode(), response.body());
    String[] lines = response.body().split("\n");
    assertEquals(3, lines.length);
    assertTrue(Json.MAPPER.readTree(lines[0]).get("score").floatValue() > 0.5f);
    assertTrue(Json.MAPPER.readTree(lines[1]).get("score").floatValue() < 0.5f);
  }

  @Test
  void json_instancesArray_givesPredictions() throws Exception {
    String body = "{\"instances\":[[1.5,0.9,0.1],[0.1,0.1,0.1],{\"a\":0.2}]}";
    HttpResponse<String> response = post(body, "Content-Type", "application/json");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(3, Json.MAPPER.readTree(response.body()).get("predictions").size());
  }

  @Test
  void defaultAccept_fromEnvironment_usedWhenAcceptMissing() throws Exception {
    server.close();
    var config =
        TestServers.config(
            TestServers.flags(dir.resolve("m"), 1),
            Map.of("SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT", "application/json"));
    server = TestServers.awaitReady(ModelServer.start(config));
    HttpResponse<String> response = post("1.5,0.9,0.1\n", "Content-Type", "text/csv");
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
  }
}
