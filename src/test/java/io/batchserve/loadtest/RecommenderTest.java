package io.batchserve.loadtest;

import static io.batchserve.loadtest.Fixtures.closed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  private static final LoadSettings.Criteria CRITERIA = new LoadSettings.Criteria(2000, 0.05, 0.2);

  @Test
  void recommend_kneeReached_choosesTheLowerP99AndSaysWhy() {
    List<RunResult> runs =
        List.of(
            closed(6, 1, 60_000, 300, 0),
            closed(6, 2, 100_000, 500, 0),
            closed(6, 4, 103_000, 1000, 0),
            closed(6, 8, 104_000, 1900, 0));

    Recommendation r = Recommender.recommend(runs, CRITERIA);

    assertTrue(r.found());
    assertEquals(2, r.maxConcurrentTransforms());
    assertEquals(6, r.maxPayloadInMB());
    assertEquals(100_000, r.recordsPerSecond());
    assertEquals("fastest: 6 MB x 8 at 104,000 records/s, p99 1.90 s", r.reasons().get(0));
    assertTrue(
        r.reasons()
            .get(1)
            .startsWith(
                "chosen: 6 MB x 2 at 100,000 records/s, p99 500 ms, within 5 % of the "
                    + "fastest (-3.8 %)"),
        r.reasons().get(1));
    assertEquals(
        "also within 5 % of the fastest, with a higher p99: 6 MB x 4 at 103,000 records/s, p99 1.00"
            + " s",
        r.reasons().get(2));
    assertEquals(
        "concurrency 4 gives +3.0 % records/s over 2 while p99 goes from 500 ms to 1.00 s",
        r.reasons().get(3));
    assertEquals(
        "MaxConcurrentTransforms x MaxPayloadInMB = 2 x 6 = 12 <= 100", r.reasons().get(4));
  }

  @Test
  void recommend_failuresAndSlowAndOverLimit_areExcluded() {
    List<RunResult> runs =
        List.of(
            closed(20, 2, 50_000, 800, 0),
            closed(20, 4, 90_000, 1500, 3),
            closed(20, 8, 95_000, 1800, 0),
            closed(10, 4, 70_000, 2500, 0));

    Recommendation r = Recommender.recommend(runs, CRITERIA);

    assertEquals(2, r.maxConcurrentTransforms());
    assertEquals(20, r.maxPayloadInMB());
    String reasons = String.join("\n", r.reasons());
    assertTrue(reasons.contains("not 20 MB x 4: 3 of 103 requests failed"), reasons);
    assertTrue(
        reasons.contains("not 20 MB x 8: 8 x 20 MB is over SageMaker's limit of 100"), reasons);
    assertTrue(reasons.contains("not 10 MB x 4: p99 2.50 s is over the bound of 2.00 s"), reasons);
  }

  @Test
  void recommend_fewRequestsMeasured_warnsThatPercentilesAreRough() {
    RunResult base = closed(6, 1, 1000, 100, 0);
    RunResult few =
        new RunResult(
            "closed",
            PayloadBodies.MULTI_RECORD,
            6,
            1,
            0,
            10,
            new RunResult.Counts(12, 12, 120, 1200, Map.of("200", 12L), 0),
            base.latency(),
            base.throughput(),
            List.of(),
            List.of(1000.0));

    Recommendation r = Recommender.recommend(List.of(few), CRITERIA);

    assertTrue(
        r.reasons()
            .contains(
                "only 12 requests measured at that setting: its percentiles are rough; run "
                    + "longer (--duration-seconds) for firmer numbers"),
        r.reasons().toString());
  }

  @Test
  void recommend_nothingQualifies_saysSo() {
    Recommendation r = Recommender.recommend(List.of(closed(6, 1, 1000, 5000, 0)), CRITERIA);

    assertFalse(r.found());
    assertEquals(
        List.of(
            "no closed-loop setting qualified",
            "not 6 MB x 1: p99 5.00 s is over the bound of 2.00 s"),
        r.reasons());
  }
}
