package io.batchserve.loadtest;

import static io.batchserve.loadtest.Fixtures.closed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustTest {
  private static final LoadSettings.Criteria CRITERIA =
      new LoadSettings.Criteria(60_000, 0.05, 0.2);

  @Test
  void cautions_recommendedSettingsRepeatsDisagree_saysSoInTheTextAndSuggestsRepeat() {
    List<RunResult> runs =
        List.of(
            closed(1, 1, 1000, 10, 0).withRepeats(List.of(600.0, 1000.0, 1200.0)),
            closed(1, 2, 1500, 12, 0).withRepeats(List.of(900.0, 1500.0, 1600.0)),
            closed(6, 1, 1400, 40, 0).withRepeats(List.of(1380.0, 1400.0, 1420.0)));
    Recommendation r = Recommender.recommend(runs, CRITERIA);
    r = r.withCautions(Trust.cautions(runs, r, CRITERIA.maxSpread(), 3, 2, 0.5, 0.7));

    assertEquals(1, r.cautions().size(), r.cautions().toString());
    assertEquals(
        "the repetitions of the recommended setting 1 MB x 2 differed by 47 % of its records/s"
            + " (more than 20 %), and 2 of 3 settings differed that much (widest: 1 MB x 1 60 %);"
            + " run again with a higher --repeat (now 3) or on a quieter machine",
        r.cautions().get(0));
    String text = RecommendationText.of(r);
    assertTrue(
        text.startsWith("Recommended, with the cautions below: BatchStrategy MultiRecord"), text);
    assertTrue(
        text.contains(
            "Caution: these numbers may not hold:\n  ! the repetitions of the recommended"),
        text);
  }

  @Test
  void cautions_busyMachine_namesTheLoadAndTheProcessors() {
    List<RunResult> runs = List.of(closed(6, 1, 1000, 10, 0));
    Recommendation r = Recommender.recommend(runs, CRITERIA);

    List<String> cautions = Trust.cautions(runs, r, 0.2, 1, 2, 1.5, 5.25);

    assertEquals(
        List.of(
            "the machine was busy: load average 1.50 at the start, 5.25 at the end on 2 processors,"
                + " so other work took cores from the server and the load generator; run again on a"
                + " quieter machine (or with a higher --repeat, which spreads a slow spell over"
                + " several settings)"),
        cautions);
  }

  @Test
  void cautions_steadyRepeatsOnAQuietMachine_none() {
    List<RunResult> runs =
        List.of(
            closed(6, 1, 1000, 10, 0).withRepeats(List.of(950.0, 1000.0, 1100.0)),
            closed(6, 2, 1800, 10, 0).withRepeats(List.of(1800.0, 1700.0, 1900.0)));
    Recommendation r = Recommender.recommend(runs, CRITERIA);

    assertEquals(List.of(), Trust.cautions(runs, r, 0.2, 3, 2, 1.9, -1));
  }

  @Test
  void cautions_otherSettingsDisagree_saysTheOrderMayBeChance() {
    List<RunResult> runs =
        List.of(
            closed(6, 1, 1000, 10, 0).withRepeats(List.of(500.0, 1000.0, 1100.0)),
            closed(6, 2, 1800, 10, 0).withRepeats(List.of(1800.0, 1750.0, 1850.0)));
    Recommendation r = Recommender.recommend(runs, CRITERIA);

    assertEquals(
        List.of(
            "1 of 2 settings' repetitions differed by more than 20 % of their records/s (widest: 6"
                + " MB x 1 60 %), so their order may be chance; run again with a higher --repeat"
                + " (now 3) or on a quieter machine"),
        Trust.cautions(runs, r, 0.2, 3, 2, 0.1, 0.1));
  }
}
