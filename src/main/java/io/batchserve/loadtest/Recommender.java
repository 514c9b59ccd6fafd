package io.batchserve.loadtest;

import io.batchserve.config.SageMakerLimits;
import io.batchserve.loadtest.report.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses MaxConcurrentTransforms and MaxPayloadInMB from the closed-loop runs. A run qualifies
 * when every request succeeded, its p99 is within the bound and MaxConcurrentTransforms x
 * MaxPayloadInMB &lt;= 100. Among the qualifying runs, those within the knee of the best records/s
 * are equally fast; the one with the lowest p99 wins, since more requests in flight that add no
 * throughput only add latency and memory.
 */
final class Recommender {
  /** Below this many answers a run's p99 is little more than its maximum. */
  static final int FEW_REQUESTS = 50;

  private Recommender() {}

  static Recommendation recommend(List<RunResult> runs, LoadSettings.Criteria criteria) {
    List<RunResult> qualified = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (RunResult run : runs.stream().filter(RunResult::closed).toList()) {
      Optional<String> why = exclusion(run, criteria);
      why.ifPresentOrElse(
          reason -> excluded.add("not " + run.label() + ": " + reason), () -> qualified.add(run));
    }
    if (runs.stream().noneMatch(RunResult::closed)) {
      return Recommendation.none(
          List.of("open-loop runs only: the recommendation comes from the closed-loop sweep"));
    }
    if (qualified.isEmpty()) {
      List<String> reasons = new ArrayList<>(List.of("no closed-loop setting qualified"));
      reasons.addAll(excluded);
      return Recommendation.none(reasons);
    }
    RunResult best =
        qualified.stream().max(Comparator.comparingDouble(Recommender::rate)).orElseThrow();
    List<RunResult> near =
        qualified.stream().filter(run -> rate(run) >= rate(best) * (1 - criteria.knee())).toList();
    RunResult choice =
        near.stream()
            .min(
                Comparator.comparingDouble((RunResult run) -> run.latency().p99())
                    .thenComparingInt(RunResult::concurrency))
            .orElseThrow();
    List<String> reasons = reasons(best, choice, near, runs, criteria);
    reasons.addAll(excluded);
    return new Recommendation(
        true,
        choice.strategy(),
        choice.concurrency(),
        choice.payloadMb(),
        rate(choice),
        choice.latency().p99(),
        reasons,
        List.of());
  }

  private static List<String> reasons(
      RunResult best,
      RunResult choice,
      List<RunResult> near,
      List<RunResult> runs,
      LoadSettings.Criteria criteria) {
    List<String> reasons = new ArrayList<>();
    reasons.add("fastest: " + describe(best));
    String knee = Format.number(criteria.knee() * 100) + " %";
    if (choice != best) {
      reasons.add(
          "chosen: "
              + describe(choice)
              + ", within "
              + knee
              + " of the fastest ("
              + Format.percent(rate(choice) / rate(best) - 1)
              + ") with the lowest p99 of those");
    }
    near.stream()
        .filter(run -> run != choice && run != best)
        .forEach(
            run ->
                reasons.add(
                    "also within "
                        + knee
                        + " of the fastest, with a higher p99: "
                        + describe(run)));
    nextStep(choice, runs).ifPresent(reasons::add);
    if (choice.counts().ok() < FEW_REQUESTS) {
      reasons.add(
          "only "
              + choice.counts().ok()
              + " requests measured at that setting: its percentiles are rough; "
              + "run longer (--duration-seconds) for firmer numbers");
    }
    reasons.add(
        "MaxConcurrentTransforms x MaxPayloadInMB = "
            + choice.concurrency()
            + " x "
            + choice.payloadMb()
            + " = "
            + choice.concurrency() * choice.payloadMb()
            + " <= "
            + SageMakerLimits.MAX_CONCURRENT_PAYLOAD_MB);
    return reasons;
  }

  /** Why a run cannot be recommended, if it cannot. */
  static Optional<String> exclusion(RunResult run, LoadSettings.Criteria criteria) {
    var counts = run.counts();
    if (!SageMakerLimits.concurrentPayloadAllowed(run.concurrency(), run.payloadMb())) {
      return Optional.of(
          run.concurrency()
              + " x "
              + run.payloadMb()
              + " MB is over SageMaker's limit of "
              + SageMakerLimits.MAX_CONCURRENT_PAYLOAD_MB);
    }
    if (counts.ok() == 0) {
      return Optional.of("no request succeeded: " + StatusWords.of(counts.byStatus()));
    }
    if (counts.failed() > 0) {
      return Optional.of(
          counts.failed()
              + " of "
              + counts.requests()
              + " requests failed: "
              + StatusWords.of(counts.byStatus()));
    }
    if (counts.wrongCount() > 0) {
      return Optional.of(
          counts.wrongCount() + " answers had a different number of lines than records sent");
    }
    if (run.latency().p99() > criteria.p99BoundMs()) {
      return Optional.of(
          "p99 "
              + Format.millis(run.latency().p99())
              + " is over the bound of "
              + Format.millis(criteria.p99BoundMs()));
    }
    return Optional.empty();
  }

  /** What doubling the concurrency of the chosen setting did, to show where the knee is. */
  private static Optional<String> nextStep(RunResult choice, List<RunResult> runs) {
    return runs.stream()
        .filter(
            run ->
                run.closed()
                    && run.payloadMb() == choice.payloadMb()
                    && run.strategy().equals(choice.strategy())
                    && run.concurrency() > choice.concurrency())
        .min(Comparator.comparingInt(RunResult::concurrency))
        .map(
            next ->
                "concurrency "
                    + next.concurrency()
                    + " gives "
                    + Format.percent(rate(next) / rate(choice) - 1)
                    + " records/s over "
                    + choice.concurrency()
                    + " while p99 goes from "
                    + Format.millis(choice.latency().p99())
                    + " to "
                    + Format.millis(next.latency().p99()));
  }

  private static String describe(RunResult run) {
    return run.label()
        + " at "
        + Format.number(rate(run))
        + " records/s, p99 "
        + Format.millis(run.latency().p99());
  }

  private static double rate(RunResult run) {
    return run.throughput().recordsPerSecond();
  }
}
