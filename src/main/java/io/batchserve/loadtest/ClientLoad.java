package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the load generator's own load says about a run: its share of the host's CPU, its CPU per
 * request, and, when it was the busy one or fell behind its schedule, a warning beside the result
 * and a caution in the recommendation. A client that takes the CPU the server needs measures
 * itself: its numbers under-report the server.
 */
final class ClientLoad {
  /** An open-loop run with more late requests than this share fell behind its schedule. */
  static final double LATE_LIMIT = 0.01;

  private static final String ADVICE =
      "run the server in a container with pinned CPUs (docker run --cpuset-cpus) or on another"
          + " machine (--url), so that the client does not take the server's CPU";

  private ClientLoad() {}

  /** {@code 12 % of 2 CPUs, 38 µs CPU a request}, and the late share of an open loop. */
  static String describe(RunResult run) {
    if (run.client().processors() == 0) {
      return "CPU unknown";
    }
    String text =
        percent(run.clientShare())
            + " of "
            + run.client().processors()
            + (run.client().processors() == 1 ? " CPU, " : " CPUs, ")
            + Format.number(run.clientMicrosPerRequest())
            + " µs CPU a request";
    return run.closed()
        ? text
        : text + ", " + percent(run.client().lateShare()) + " of requests sent late";
  }

  /** A warning for one run, when its client was busy or fell behind. */
  static Optional<String> warning(RunResult run, double busyShare) {
    if (run.clientShare() > busyShare) {
      return Optional.of(
          "the load generator used "
              + percent(run.clientShare())
              + " of this machine's "
              + run.client().processors()
              + " CPUs (more than "
              + percent(busyShare)
              + "), so these numbers may describe the client more than the server; "
              + ADVICE);
    }
    if (!run.closed() && run.client().lateShare() > LATE_LIMIT) {
      return Optional.of(
          "the load generator fell behind its own schedule: "
              + percent(run.client().lateShare())
              + " of requests left more than "
              + OpenLoop.LATE_MS
              + " ms after they were due; lower the --rate, or "
              + ADVICE);
    }
    return Optional.empty();
  }

  /** The caution for the recommendation: how many runs' clients were busy, and the worst. */
  static Optional<String> caution(List<RunResult> runs, double busyShare) {
    List<RunResult> busy =
        runs.stream()
            .filter(run -> run.clientShare() > busyShare)
            .sorted(Comparator.comparingDouble(RunResult::clientShare).reversed())
            .toList();
    if (busy.isEmpty()) {
      return Optional.empty();
    }
    RunResult worst = busy.get(0);
    return Optional.of(
        "the load generator used more than "
            + percent(busyShare)
            + " of the machine's "
            + worst.client().processors()
            + " CPUs in "
            + busy.size()
            + " of "
            + runs.size()
            + " runs (up to "
            + percent(worst.clientShare())
            + ", at "
            + worst.label()
            + "): where the client was busy the server had less than the machine, and the"
            + " recommendation may be set by the client; "
            + ADVICE);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
  }
}
