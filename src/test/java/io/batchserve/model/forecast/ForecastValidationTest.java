package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad record is a 400 naming its line and item_id and saying what is wrong. */
class ForecastValidationTest {
  private static final ForecastModel MODEL =
      ForecastModel.create(
          "forecast",
          ForecastFixtures.fake(f -> 0),
          ForecastRules.defaults(),
          QuantileTableTest.linear());

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
            "historical_rows[4]: expected an object {date, sales, promo, price}, got the number 3"),
        bad(
            "target_cols a string",
            r -> r.put("target_cols", "daily_sales"),
            "target_cols must be an array"),
        bad("unknown field", r -> r.put("store", "S1"), "unknown field 'store'"),
        bad(
            "unknown row field",
            r -> row(r, 0).put("cost", 1.5),
            "historical_rows[0]: unknown field 'cost'; a row is {date, sales, promo, price}"),
        bad(
            "price on some history rows",
            r -> row(r, 4).put("price", 1.5),
            "historical_rows[4]: price given, but historical_rows[0] has none; send price on "
                + "every history row or on none"),
        bad(
            "price missing on a later row",
            r -> {
              priced(r, 2.49);
              row(r, 9).remove("price");
            },
            "historical_rows[9]: missing price (historical_rows[0] has one)"),
        bad(
            "price zero",
            r -> {
              priced(r, 2.49);
              row(r, 3).put("price", 0);
            },
            "historical_rows[3]: price must be above 0, got 0"),
        bad(
            "price negative",
            r -> {
              priced(r, 2.49);
              row(r, 3).put("price", -1.5);
            },
            "historical_rows[3]: price must be above 0, got -1.5"),
        bad(
            "price as text",
            r -> {
              priced(r, 2.49);
              row(r, 3).put("price", "2.49");
            },
            "historical_rows[3]: price must be a number, got the string \"2.49\""),
        bad(
            "price too large",
            r -> {
              priced(r, 2.49);
              row(r, 3).put("price", 1e39);
            },
            "historical_rows[3]: price is too large"),
        bad(
            "price below float range",
            r -> {
              priced(r, 2.49);
              row(r, 3).put("price", 1e-50);
            },
            "historical_rows[3]: price must be above 0, got 1.0E-50"),
        bad(
            "future price without history prices",
            r -> future(r).addObject().put("date", "2025-07-02").put("price", 1.99),
            "future_rows[0]: price given, but historical_rows have no price"),
        bad(
            "future price zero",
            r -> {
              priced(r, 2.49);
              future(r).addObject().put("date", "2025-07-02").put("price", 0);
            },
            "future_rows[0]: price must be above 0, got 0"),
        bad(
            "special_days not an array",
            r -> r.put("special_days", "2025-12-25"),
            "special_days must be an array of \"yyyy-MM-dd\" dates, got the string"),
        bad(
            "special day not a date",
            r -> r.putArray("special_days").add("2025-12-25").add("Christmas"),
            "special_days[1] \"Christmas\" is not a date"),
        bad(
            "special day a number",
            r -> r.putArray("special_days").add(20251225),
            "special_days[0] must be a date string as yyyy-MM-dd, got the number 20251225"),
        bad(
            "special day twice",
            r -> r.putArray("special_days").add("2025-12-25").add("2025-01-01").add("2025-12-25"),
            "special_days lists 2025-12-25 twice; list each day once"),
        bad(
            "quantiles not an array",
            r -> r.put("quantiles", 0.9),
            "quantiles must be an array of levels between 0.01 and 0.99, got the number 0.9"),
        bad(
            "quantile as text",
            r -> r.putArray("quantiles").add(0.1).add("0.9"),
            "quantiles[1] must be a number, got the string \"0.9\""),
        bad(
            "quantile 1",
            r -> r.putArray("quantiles").add(1),
            "quantiles[0] must be between 0.01 and 0.99, got 1"),
        bad(
            "quantile 0",
            r -> r.putArray("quantiles").add(0.5).add(0),
            "quantiles[1] must be between 0.01 and 0.99, got 0"),
        bad(
            "quantile 0.995",
            r -> r.putArray("quantiles").add(0.995),
            "quantiles[0] must be between 0.01 and 0.99, got 0.995"),
        bad(
            "quantile twice",
            r -> r.putArray("quantiles").add(0.9).add(0.1).add(0.90),
            "quantiles lists 0.9 twice; list each level once"),
        bad(
            "future row without promo or price",
            r -> future(r).addObject().put("date", "2025-07-02"),
            "future_rows[0]: missing promo or price"));
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
    assertMessage(
        "line 1 (item_id B): field 'special_days' appears twice",
        line("B")
            .replace("\"target_cols\"", "\"special_days\":[],\"special_days\":[],\"target_cols\""));
    assertMessage(
        "line 1 (item_id B): historical_rows[0]: field 'price' appears twice",
        line("B").replaceFirst("\"promo\":0", "\"price\":1,\"price\":2"));
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

  @Test
  void decode_pricesAndSpecialDays_areReadIntoTheSeries() {
    ObjectNode record = parse(line("A"));
    priced(record, 2.49);
    row(record, 29).put("price", 2.29);
    future(record).addObject().put("date", "2025-07-03").put("price", 1.99);
    future(record).addObject().put("date", "2025-07-05").put("promo", 1).put("price", 2.49);
    record.putArray("special_days").add("2025-12-25").add("2025-07-04");
    Series s = decode(MediaType.JSON_LINES, record.toString()).series().get(0);
    assertEquals(2.49f, s.price()[0]);
    assertEquals(2.29f, s.price()[27]);
    // The last history price holds until the first listed one, each listed price until the next.
    assertArrayEquals(
        new float[] {2.29f, 2.29f, 1.99f, 1.99f, 2.49f, 2.49f, 2.49f}, s.futurePrice());
    assertTrue(s.futurePromo()[4]);
    assertEquals(2, s.special().size());
    assertEquals(1, s.special().daysTo(LocalDate.parse("2025-07-03").toEpochDay()));
  }

  @Test
  void decode_quantilesForAModelWithoutATable_saysSo() {
    ObjectNode record = parse(line("A"));
    record.putArray("quantiles").add(0.5);
    byte[] body = record.toString().getBytes(StandardCharsets.UTF_8);
    ForecastModel plain = ForecastFixtures.model(ForecastFixtures.fake(f -> 0));
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> plain.decode(MediaType.JSON_LINES, body, body.length));
    assertEquals(
        "line 1 (item_id A): quantiles: this model has no quantile calibration (its descriptor "
            + "names no 'quantiles' file)",
        e.getMessage());
  }

  @Test
  void decode_quantilesInAnyOrder_areSortedAndFutureRowsNoted() {
    ObjectNode record = parse(line("A"));
    record.putArray("quantiles").add(0.9).add(0.05).add(0.5);
    record.putArray("future_rows");
    Series s = decode(MediaType.JSON_LINES, record.toString()).series().get(0);
    assertArrayEquals(new float[] {0.05f, 0.5f, 0.9f}, s.quantiles());
    assertTrue(s.futureRows());
  }

  @Test
  void decode_withoutNewFields_hasNoPricesOrSpecialDays() {
    Series s = decode(MediaType.JSON_LINES, line("A")).series().get(0);
    assertNull(s.price());
    assertNull(s.futurePrice());
    assertEquals(0, s.special().size());
    assertEquals(0, s.quantiles().length);
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

  /** Gives every history row the same price. */
  private static void priced(ObjectNode record, double price) {
    for (var row : rows(record)) {
      ((ObjectNode) row).put("price", price);
    }
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
