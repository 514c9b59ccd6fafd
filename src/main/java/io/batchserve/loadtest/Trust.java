package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Says when a load test's numbers cannot be trusted as they stand: repetitions of a setting that
 * disagree by more than the allowed spread, or a machine busier than its processors (other work
 * took cores from the server and the load generator). Each caution says what to do instead.
 */
final class Trust {
  private Trust() {}

  /**
   * @param maxSpread the widest (max - min) / reported records/s over repetitions that still counts
   *     as agreement
   * @param loadAverages the machine's one-minute load average when the sweep started and when it
   *     ended; negative where the system does not say
   */
  static List<String> cautions(
      List<RunResult> runs,
      Recommendation recommendation,
      double maxSpread,
      int repeat,
      int processors,
      double... loadAverages) {
    List<String> cautions = new ArrayList<>();
    spread(runs, recommendation, maxSpread, repeat).ifPresent(cautions::add);
    busy(processors, loadAverages).ifPresent(cautions::add);
    return cautions;
  }

  private static Optional<String> spread(
      List<RunResult> runs, Recommendation recommendation, double maxSpread, int repeat) {
    List<RunResult> wide =
        runs.stream()
            .filter(RunResult::closed)
            .filter(run -> run.spread() > maxSpread)
            .sorted(Comparator.comparingDouble(RunResult::spread).reversed())
            .toList();
    if (wide.isEmpty()) {
      return Optional.empty();
    }
    String limit = Format.number(maxSpread * 100) + " %";
    String advice =
        "; run again with a higher --repeat (now " + repeat + ") or on a quieter machine";
    RunResult chosen =
        wide.stream()
            .filter(
                run ->
                    recommendation.found()
                        && run.concurrency() == recommendation.maxConcurrentTransforms()
                        && run.payloadMb() == recommendation.maxPayloadInMB()
                        && run.strategy().equals(recommendation.batchStrategy()))
            .findFirst()
            .orElse(null);
    String widest = wide.get(0).label() + " " + percent(wide.get(0).spread());
    if (chosen != null) {
      return Optional.of(
          "the repetitions of the recommended setting "
              + chosen.label()
              + " differed by "
              + percent(chosen.spread())
              + " of its records/s (more than "
              + limit
              + "), and "
              + wide.size()
              + " of "
              + closedCount(runs)
              + " settings differed that much (widest: "
              + widest
              + ")"
              + advice);
    }
    return Optional.of(
        wide.size()
            + " of "
            + closedCount(runs)
            + " settings' repetitions differed by more "
            + "than "
            + limit
            + " of their records/s (widest: "
            + widest
            + "), so their order may be chance"
            + advice);
  }

  private static Optional<String> busy(int processors, double... loadAverages) {
    double max = -1;
    for (double load : loadAverages) {
      max = Math.max(max, load);
    }
    if (max <= processors) {
      return Optional.empty();
    }
    List<String> seen = new ArrayList<>();
    String[] when = {"at the start", "at the end"};
    for (int i = 0; i < loadAverages.length; i++) {
      if (loadAverages[i] >= 0) {
        seen.add(
            String.format(Locale.ROOT, "%.2f %s", loadAverages[i], i < when.length ? when[i] : ""));
      }
    }
    return Optional.of(
        "the machine was busy: load average "
            + String.join(", ", seen)
            + " on "
            + processors
            + " processors, so other work took cores from the server and the load generator; run"
            + " again on a quieter machine (or with a higher --repeat, which spreads a slow spell"
            + " over several settings)");
  }

  private static long closedCount(List<RunResult> runs) {
    return runs.stream().filter(RunResult::closed).count();
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + " %";
  }
}
