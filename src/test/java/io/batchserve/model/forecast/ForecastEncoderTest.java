package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastEncoderTest {
  @ParameterizedTest
  @CsvSource({
    "151.2, 151.2",
    "0.374, 0.37",
    "3, 3.0",
    "0.006, 0.01",
    "0, 0.0",
    "1234.567, 1234.57",
    "9.999, 10.0"
  })
  void hundredths_value_roundsToTwoDecimalsKeepingOne(float value, String expected) {
    char[] out = new char[24];
    int length = ForecastEncoder.hundredths(value, out);
    assertEquals(expected, new String(out, 0, length));
  }

  @Test
  void hundredths_anyValue_matchesTheDecimalOfItsRoundedCents() {
    SplittableRandom random = new SplittableRandom(17);
    char[] out = new char[24];
    float[] edges = {0f, 0.005f, 0.004999f, 0.095f, 99.995f, 1e6f, 123456.78f, 1e15f, 1e30f};
    for (int i = 0; i < 200_000; i++) {
      float value =
          i < edges.length
              ? edges[i]
              : i % 2 == 0
                  ? (float) (random.nextDouble() * 1000)
                  : Float.intBitsToFloat(random.nextInt(0x7f800000));
      long cents = Math.round(value * 100.0);
      String expected =
          (cents / 100) + "." + (cents % 100 / 10) + (cents % 10 != 0 ? "" + cents % 10 : "");
      assertEquals(
          expected, new String(out, 0, ForecastEncoder.hundredths(value, out)), "" + value);
    }
  }

  @Test
  void encode_jsonLines_oneLinePerSeriesWithDatesAfterTheHistory() {
    Forecasts forecasts = forecasts(ForecastRequest.Shape.ARRAY, "A\"1", "B2");
    String out =
        new String(ForecastEncoder.encode(forecasts, MediaType.JSON_LINES), StandardCharsets.UTF_8);
    assertEquals(
        """
        {"item_id":"A\\"1","forecast":[{"date":"2026-01-01","daily_sales":1.5},{"date":"2026-01-02","daily_sales":2.0}]}
        {"item_id":"B2","forecast":[{"date":"2026-01-01","daily_sales":1.5},{"date":"2026-01-02","daily_sales":2.0}]}
        """,
        out);
  }

  @Test
  void encode_jsonForOneObject_isOneObject() {
    String out =
        new String(
            ForecastEncoder.encode(forecasts(ForecastRequest.Shape.OBJECT, "A1"), MediaType.JSON),
            StandardCharsets.UTF_8);
    assertEquals(
        "{\"item_id\":\"A1\",\"forecast\":[{\"date\":\"2026-01-01\",\"daily_sales\":1.5},"
            + "{\"date\":\"2026-01-02\",\"daily_sales\":2.0}]}\n",
        out);
  }

  @Test
  void encode_jsonForAnArray_isAnArray() {
    String out =
        new String(
            ForecastEncoder.encode(
                forecasts(ForecastRequest.Shape.ARRAY, "A1", "B2"), MediaType.JSON),
            StandardCharsets.UTF_8);
    assertEquals('[', out.charAt(0));
    assertEquals("]\n", out.substring(out.length() - 2));
    assertEquals(2, out.split("item_id").length - 1);
  }

  @Test
  void encode_jsonForInstances_isPredictions() {
    String out =
        new String(
            ForecastEncoder.encode(
                forecasts(ForecastRequest.Shape.INSTANCES, "A1", "B2"), MediaType.JSON),
            StandardCharsets.UTF_8);
    assertTrue(out.startsWith("{\"predictions\":[{\"item_id\":\"A1\""), out);
    assertEquals("]}\n", out.substring(out.length() - 3));
  }

  @Test
  void encode_jsonLinesForInstances_isLines() {
    String out =
        new String(
            ForecastEncoder.encode(
                forecasts(ForecastRequest.Shape.INSTANCES, "A1", "B2"), MediaType.JSON_LINES),
            StandardCharsets.UTF_8);
    assertEquals(2, out.lines().count());
    assertTrue(out.startsWith("{\"item_id\":\"A1\""), out);
  }

  @Test
  void encode_recordWithQuantiles_addsThemAfterTheTargetsEachDay() {
    long last = LocalDate.of(2025, 12, 31).toEpochDay();
    Series plain =
        Series.of(
            "Q",
            last,
            new float[ForecastFeatures.WINDOW],
            new boolean[ForecastFeatures.WINDOW],
            new boolean[1],
            ForecastFeatures.TARGETS);
    Series asked =
        new Series(
            "Q",
            last,
            plain.sales(),
            plain.promo(),
            null,
            1,
            new boolean[1],
            null,
            false,
            SpecialDays.EMPTY,
            ForecastFeatures.TARGETS,
            new float[] {0.1f, 0.9f});
    var request = new ForecastRequest(List.of(asked, plain), ForecastRequest.Shape.ARRAY);
    Forecasts forecasts = new Forecasts(request, new float[][] {{50f}, {50f}});
    String out =
        new String(
            ForecastEncoder.encode(forecasts, MediaType.JSON_LINES, QuantileTableTest.linear()),
            StandardCharsets.UTF_8);
    assertEquals(
        """
        {"item_id":"Q","forecast":[{"date":"2026-01-01","daily_sales":50.0,"quantiles":{"0.1":29.5,"0.9":69.5}}]}
        {"item_id":"Q","forecast":[{"date":"2026-01-01","daily_sales":50.0}]}
        """,
        out);
  }

  private static Forecasts forecasts(ForecastRequest.Shape shape, String... ids) {
    long last = LocalDate.of(2025, 12, 31).toEpochDay();
    List<Series> series =
        Arrays.stream(ids)
            .map(
                id ->
                    Series.of(
                        id,
                        last,
                        new float[ForecastFeatures.WINDOW],
                        new boolean[ForecastFeatures.WINDOW],
                        new boolean[2],
                        ForecastFeatures.TARGETS))
            .toList();
    float[][] values = new float[ids.length][];
    Arrays.setAll(values, i -> new float[] {1.5f, 2f});
    return new Forecasts(new ForecastRequest(series, shape), values);
  }
}
