package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.BadInputException;
import io.batchserve.codec.Json;
import io.batchserve.codec.MediaType;
import io.batchserve.testing.ForecastFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad record is a 400 naming its line and item_id and saying what is wrong. */
class ForecastValidationTest {
  private static final ForecastModel MODEL = ForecastFixtures.model(ForecastFixtures.fake(f -> 0));

  static Stream<Arguments> badRecords() {
    return Stream.of(
        bad(
            "unparsable date",
            r -> row(r, 3).put("date", "2025-06-31"),
            "historical_rows[3]: date \"2025-06-31\" is not a date"),
        bad(
            "date not ISO",
            r -> row(r, 0).put("date", "06/01/2025"),
            "historical_rows[0]: date \"06/01/2025\""),
        bad(
            "gap in dates",
            r -> rows(r).remove(10),
            "historical_rows[10]: date 2025-06-12 does not follow 2025-06-10"),
        bad(
            "duplicate date",
            r -> row(r, 5).put("date", "2025-06-05"),
            "historical_rows[5]: duplicate date 2025-06-05"),
        bad(
            "history too short",
            r -> rows(r).removeIf(row -> row.get("date").asText().compareTo("2025-06-04") < 0),
            "historical_rows has 27 days; the model needs at least 28 consecutive days of history"),
        bad(
            "forecast_days 0",
            r -> r.put("forecast_days", 0),
            "forecast_days must be between 1 and 366, got 0"),
        bad("forecast_days 367", r -> r.put("forecast_days", 367), "between 1 and 366, got 367"),
        bad(
            "forecast_days text",
            r -> r.put("forecast_days", "31"),
            "forecast_days must be a whole number, got the string \"31\""),
        bad(
            "forecast_days fraction",
            r -> r.put("forecast_days", 3.5),
            "must be a whole number, got the number 3.5"),
        bad(
            "unknown target",
            r -> r.putArray("target_cols").add("daily_units"),
            "unknown target_cols entry \"daily_units\"; this model forecasts daily_sales"),
        bad("no target", r -> r.putArray("target_cols"), "target_cols is empty"),
        bad(
            "negative sales",
            r -> row(r, 2).put("sales", -4),
            "historical_rows[2]: sales must not be negative, got -4"),
        bad(
            "sales as text",
            r -> row(r, 2).put("sales", "12"),
            "sales must be a number, got the string \"12\""),
        bad("sales null", r -> row(r, 2).putNull("sales"), "sales must be a number, got null"),
        bad("sales missing", r -> row(r, 2).remove("sales"), "historical_rows[2]: missing sales"),
        bad(
            "wrong request_type",
            r -> r.put("request_type", "churn"),
            "request_type \"churn\" is not for this model; use \"iterative_forecast\""),
        bad("missing request_type", r -> r.remove("request_type"), "missing request_type"),
        bad(
            "missing fields",
            r -> r.remove(List.of("forecast_days", "target_cols")),
            "missing forecast_days, target_cols"),
        bad(
            "history not an array",
            r -> r.putObject("historical_rows"),
            "historical_rows must be an array"),
        bad(
            "history row not an object",
            r -> rows(r).set(4, Json.MAPPER.getNodeFactory().numberNode(3)),
            "historical_rows[4]: expected an object {date, sales, promo}, got the number 3"),
        bad(
            "target_cols a string",
            r -> r.put("target_cols", "daily_sales"),
            "target_cols must be an array"),
        bad("unknown field", r -> r.put("store", "S1"), "unknown field 'store'"),
        bad(
            "unknown row field",
            r -> row(r, 0).put("price", 1.5),
            "historical_rows[0]: unknown field 'price'"),
        bad(
            "promo 2",
            r -> row(r, 1).put("promo", 2),
            "historical_rows[1]: promo must be 0 or 1, got the number 2"),
        bad(
            "future date in history",
            r -> future(r).addObject().put("date", "2025-06-30").put("promo", 1),
            "future_rows[0]: date 2025-06-30 is not after the last history date 2025-06-30"),
        bad(
            "future date twice",
            r -> {
              future(r).addObject().put("date", "2025-07-02").put("promo", 1);
              future(r).addObject().put("date", "2025-07-02").put("promo", 0);
            },
            "future_rows[1]: duplicate date 2025-07-02"),
        bad(
            "future row without promo",
            r -> future(r).addObject().put("date", "2025-07-02"),
            "future_rows[0]: missing promo"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRecords")
  void decode_badSecondLine_namesLineItemAndProblem(String name, String record, String problem) {
    String body = line("A") + "\n" + record + "\n" + line("C") + "\n";

    BadInputException e =
        assertThrows(BadInputException.class, () -> decode(MediaType.JSON_LINES, body));

    String prefix = record.contains("\"item_id\"") ? "line 2 (item_id B): " : "line 2: ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void decode_itemIdAfterTheBadField_isStillNamed() {
    String record = "{\"forecast_days\":0,\"item_id\":\"LATE\"}";
    BadInputException e =
        assertThrows(BadInputException.class, () -> decode(MediaType.JSON_LINES, record));
    assertEquals(
        "line 1 (item_id LATE): forecast_days must be between 1 and 366, got 0", e.getMessage());
  }

  @Test
  void decode_badElementOfAJsonArray_namesTheRecord() {
    ObjectNode bad = parse(line("B"));
    bad.put("forecast_days", -1);
    String body = "[" + line("A") + ",\n" + bad + "]";
    BadInputException e = assertThrows(BadInputException.class, () -> decode(MediaType.JSON, body));
    assertTrue(
        e.getMessage().startsWith("record 2 (item_id B): forecast_days must be between"),
        e.getMessage());
  }

  @Test
  void decode_malformedLines_nameTheLine() {
    assertMessage("line 2 (item_id B): not valid JSON", line("A") + "\n{\"item_id\":\"B\",\n");
    assertMessage("line 2: not valid JSON", line("A") + "\n{\"item_id\":\n");
    assertMessage("line 2: the line is empty", line("A") + "\n\n" + line("C"));
    assertMessage("line 1: expected a JSON object, got an array", "[1,2]");
    assertMessage("line 1 (item_id B): more than one JSON value", line("B") + " {}");
    assertMessage(
        "line 1 (item_id B): field 'item_id' appears twice",
        "{\"item_id\":\"B\",\"item_id\":\"C\"}");
    assertMessage(
        "line 1 (item_id B): historical_rows[0]: field 'promo' appears twice",
        line("B").replaceFirst("\"promo\":0", "\"promo\":0,\"promo\":1"));
    assertMessage("request body is empty", "");
  }

  @Test
  void decode_jsonLinesSentAsJson_saysToSendJsonLines() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> decode(MediaType.JSON, line("A") + "\n" + line("B") + "\n"));
    assertTrue(e.getMessage().contains("send application/jsonlines"), e.getMessage());
  }

  @Test
  void decode_instancesWrapper_readsEveryRecordAndNamesBadOnes() {
    ForecastRequest request =
        decode(MediaType.JSON, "{\"instances\": [" + line("A") + "," + line("B") + "]}");
    assertEquals(2, request.records());
    assertEquals(ForecastRequest.Shape.INSTANCES, request.shape());
    assertEquals("B", request.series().get(1).itemId());
    ObjectNode bad = parse(line("C"));
    bad.put("forecast_days", 0);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> decode(MediaType.JSON, "{\"instances\": [" + line("A") + "," + bad + "]}"));
    assertTrue(
        e.getMessage().startsWith("record 2 (item_id C): forecast_days must be between"),
        e.getMessage());
  }

  @Test
  void decode_instancesWithAnotherField_isRejected() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> decode(MediaType.JSON, "{\"instances\": [" + line("A") + "], \"extra\": 1}"));
    assertTrue(e.getMessage().contains("nothing but the array"), e.getMessage());
  }

  @Test
  void decode_emptyJsonArray_isRejected() {
    assertThrows(BadInputException.class, () -> decode(MediaType.JSON, "[]"));
  }

  @Test
  void decode_historyRowsWithoutPromoAndBooleanPromos_areAccepted() {
    ObjectNode record = parse(line("A"));
    row(record, 0).remove("promo");
    row(record, 1).put("promo", true);
    future(record).addObject().put("date", "2025-07-03").put("promo", false);
    future(record).addObject().put("date", "2026-01-01").put("promo", 1);
    ForecastRequest request = decode(MediaType.JSON_LINES, record.toString());
    assertEquals(1, request.records());
  }

  private static void assertMessage(String start, String body) {
    BadInputException e =
        assertThrows(BadInputException.class, () -> decode(MediaType.JSON_LINES, body));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  private static Arguments bad(String name, Consumer<ObjectNode> change, String problem) {
    ObjectNode record = parse(line("B"));
    change.accept(record);
    return Arguments.of(name, record.toString(), problem);
  }

  /** A valid record of 30 history days, 2025-06-01 to 2025-06-30. */
  private static String line(String itemId) {
    return ForecastFixtures.record(itemId, ForecastFixtures.sales(30, 20), 7);
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ArrayNode rows(ObjectNode record) {
    return (ArrayNode) record.get("historical_rows");
  }

  private static ObjectNode row(ObjectNode record, int index) {
    return (ObjectNode) rows(record).get(index);
  }

  private static ArrayNode future(ObjectNode record) {
    return record.has("future_rows")
        ? (ArrayNode) record.get("future_rows")
        : record.putArray("future_rows");
  }

  private static ForecastRequest decode(MediaType type, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return MODEL.decode(type, bytes, bytes.length);
  }
}
