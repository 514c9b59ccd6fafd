package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.codec.MediaType;
import io.batchserve.model.Scorer;
import io.batchserve.testing.CountingScorer;
import io.batchserve.testing.ForecastFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Native calls are counted through the {@link Scorer} seam: one per day step, whatever the number
 * of series.
 */
class ForecastBatchingTest {
  private static Scorer trained;

  @BeforeAll
  static void train() {
    trained = ForecastFixtures.tinyTrainedScorer();
  }

  @Test
  void predict_hundredSeriesOverThirtyOneDays_makesThirtyOneCallsOfAHundredRows() {
    CountingScorer counting = new CountingScorer(trained);
    ForecastModel model = ForecastFixtures.model(counting);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      records.add(ForecastFixtures.record("A" + i, ForecastFixtures.sales(28 + i, 10 + i), 31));
    }

    List<Forecasts> answers = model.predict(List.of(decode(model, records)));

    assertEquals(Collections.nCopies(31, 100), counting.rowsPerCall());
    assertEquals(100, answers.get(0).values().length);
  }

  @Test
  void predict_mixedHorizonsAcrossMergedRequests_callsEqualTheLongestHorizon() {
    CountingScorer counting = new CountingScorer(trained);
    ForecastModel model = ForecastFixtures.model(counting);
    ForecastRequest first =
        decode(
            model,
            List.of(
                ForecastFixtures.record("A", ForecastFixtures.sales(30, 20), 5),
                ForecastFixtures.record("B", ForecastFixtures.sales(90, 50), 31),
                ForecastFixtures.record("C", ForecastFixtures.sales(40, 5), 12)));
    ForecastRequest second =
        decode(model, List.of(ForecastFixtures.record("D", ForecastFixtures.sales(28, 9), 20)));

    List<Forecasts> answers = model.predict(List.of(first, second));

    List<Integer> expectedRows = new ArrayList<>();
    expectedRows.addAll(Collections.nCopies(5, 4));
    expectedRows.addAll(Collections.nCopies(7, 3));
    expectedRows.addAll(Collections.nCopies(8, 2));
    expectedRows.addAll(Collections.nCopies(11, 1));
    assertEquals(expectedRows, counting.rowsPerCall());
    assertEquals(
        List.of("A", "B", "C"), answers.get(0).series().stream().map(Series::itemId).toList());
    assertEquals(List.of(5, 31, 12), lengths(answers.get(0)));
    assertEquals(List.of(20), lengths(answers.get(1)));
  }

  @Test
  void predict_batchedSeries_equalTheSameSeriesForecastOneAtATime() {
    ForecastModel model = ForecastFixtures.model(trained);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(
          ForecastFixtures.record(
              "A" + i, ForecastFixtures.sales(28 + 17 * i, 3 + 11 * i), 3 + 5 * i % 29));
    }

    float[][] together = model.predict(List.of(decode(model, records))).get(0).values();

    for (int i = 0; i < records.size(); i++) {
      float[] alone =
          model.predict(List.of(decode(model, List.of(records.get(i))))).get(0).values()[0];
      assertArrayEquals(alone, together[i], "series " + i);
    }
  }

  static ForecastRequest decode(ForecastModel model, List<String> records) {
    byte[] body = (String.join("\n", records) + "\n").getBytes(StandardCharsets.UTF_8);
    return model.decode(MediaType.JSON_LINES, body, body.length);
  }

  private static List<Integer> lengths(Forecasts forecasts) {
    return Arrays.stream(forecasts.values()).map(v -> v.length).toList();
  }
}
