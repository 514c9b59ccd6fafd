package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.model.Model;
import io.batchserve.model.Scorer;
import io.batchserve.testing.CountingScorer;
import io.batchserve.testing.ForecastFixtures;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /invocations on the forecaster: one answer per record, in order, and one native call per
 * forecast day.
 */
class ForecastInvocationsTest {
  private static final int[] HISTORY_DAYS = {28, 45, 200, 30, 365};
  private static final int[] HORIZONS = {31, 7, 31, 1, 14};
  private static Scorer trained;
  @TempDir Path dir;
  private CountingScorer scorer;
  private ModelServer server;

  @BeforeAll
  static void train() {
    trained = ForecastFixtures.tinyTrainedScorer();
  }

  @BeforeEach
  void start() {
    scorer = new CountingScorer(trained);
    List<Model<?, ?>> models = List.of(ForecastFixtures.model(scorer));
    server = TestServers.start(TestServers.config(TestServers.flags(dir, 2), Map.of()), models);
    scorer.reset();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void jsonLines_mixedHistoriesAndHorizons_oneLinePerRecordInOrderWithHorizonCalls()
      throws Exception {
    HttpResponse<String> response =
        post(String.join("\n", records()) + "\n", "application/jsonlines");

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "application/jsonlines", response.headers().firstValue("Content-Type").orElseThrow());
    String[] lines = response.body().split("\n", -1);
    assertEquals(HISTORY_DAYS.length + 1, lines.length, "one line per record and a final line end");
    for (int i = 0; i < HISTORY_DAYS.length; i++) {
      assertForecast(Json.MAPPER.readTree(lines[i]), i);
    }
    List<Integer> rows = new ArrayList<>(Collections.nCopies(1, 5));
    rows.addAll(Collections.nCopies(6, 4));
    rows.addAll(Collections.nCopies(7, 3));
    rows.addAll(Collections.nCopies(17, 2));
    assertEquals(
        rows, scorer.rowsPerCall(), "one call per day for all the records still forecasting");
  }

  @Test
  void json_oneObject_answersOneObject() throws Exception {
    HttpResponse<String> response = post(records().get(1), "application/json");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode answer = Json.MAPPER.readTree(response.body());
    assertTrue(answer.isObject(), response.body());
    assertForecast(answer, 1);
  }

  @Test
  void json_instances_answersPredictionsInOrder() throws Exception {
    HttpResponse<String> response =
        post("{\"instances\":[" + String.join(",", records()) + "]}", "application/json");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode predictions = Json.MAPPER.readTree(response.body()).get("predictions");
    assertEquals(HISTORY_DAYS.length, predictions.size(), response.body());
    for (int i = 0; i < HISTORY_DAYS.length; i++) {
      assertForecast(predictions.get(i), i);
    }
  }

  @Test
  void json_array_answersArrayInOrder() throws Exception {
    HttpResponse<String> response =
        post("[" + String.join(",", records()) + "]", "application/json");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode answer = Json.MAPPER.readTree(response.body());
    assertEquals(HISTORY_DAYS.length, answer.size());
    for (int i = 0; i < HISTORY_DAYS.length; i++) {
      assertForecast(answer.get(i), i);
    }
  }

  @Test
  void badRecord_is400NamingLineAndItemAndNothingIsPredicted() throws Exception {
    List<String> records = new ArrayList<>(records());
    records.set(2, records.get(2).replace("\"forecast_days\":31", "\"forecast_days\":400"));

    HttpResponse<String> response = post(String.join("\n", records), "application/jsonlines");

    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        "line 3 (item_id A2): forecast_days must be between 1 and 366, got 400",
        Json.MAPPER.readTree(response.body()).get("message").asText());
    assertEquals(0, scorer.calls());
  }

  @Test
  void csv_isUnsupportedMediaType() {
    assertEquals(415, post("1,2,3\n", "text/csv").statusCode());
  }

  private HttpResponse<String> post(String body, String contentType) {
    return Http.post(server.port(), body, "Content-Type", contentType);
  }

  private static List<String> records() {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < HISTORY_DAYS.length; i++) {
      records.add(
          ForecastFixtures.record(
              "A" + i, ForecastFixtures.sales(HISTORY_DAYS[i], 5 + 40 * i), HORIZONS[i]));
    }
    return records;
  }

  private static void assertForecast(JsonNode answer, int i) {
    assertEquals("A" + i, answer.get("item_id").asText());
    JsonNode days = answer.get("forecast");
    assertEquals(HORIZONS[i], days.size(), "item A" + i);
    LocalDate expected = ForecastFixtures.lastDay(HISTORY_DAYS[i]).plusDays(1);
    for (JsonNode day : days) {
      assertEquals(expected.toString(), day.get("date").asText());
      assertTrue(
          day.get("daily_sales").isNumber() && day.get("daily_sales").doubleValue() >= 0,
          day.toString());
      expected = expected.plusDays(1);
    }
  }
}
