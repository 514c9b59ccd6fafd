package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import io.batchserve.loadtest.report.TextTable;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the sweep, one bounded run after another, and prints each row as it finishes: per payload a warm-up, then the
 * closed loop at 1, 2, 4, ... requests in flight, then the open loop at each rate. Closed-loop settings over
 * SageMaker's MaxConcurrentTransforms x MaxPayloadInMB limit are skipped, since no job could use them.
 */
final class Sweeper {
  /** What the sweep measured and what it left out. */
  record Outcome(List<RunResult> runs, List<String> skipped) {}

  private final Sender sender;
  private final LoadSettings.Sweep sweep;
  private final Clock clock;
  private final PrintWriter out;
  private final TextTable table = new TextTable(RunTable.WIDTHS);

  Sweeper(Sender sender, LoadSettings.Sweep sweep, Clock clock, PrintWriter out) {
    this.sender = sender;
    this.sweep = sweep;
    this.clock = clock;
    this.out = out;
  }

  Outcome run(List<Payload> payloads) throws InterruptedException {
    List<RunResult> runs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    out.println(table.row(RunTable.HEADERS));
    out.println(table.rule());
    for (Payload payload : payloads) {
      warmUp(payload);
      for (int concurrency : sweep.concurrencies()) {
        if (concurrency * payload.payloadMb() > Recommender.MAX_CONCURRENT_MB) {
          skipped.add(payload.label() + " x " + concurrency + ": " + concurrency + " x " + payload.payloadMb()
              + " MB is over SageMaker's limit of " + Recommender.MAX_CONCURRENT_MB);
          continue;
        }
        runs.add(print(closed(RunSetting.closed(payload, concurrency))));
      }
      for (double rate : sweep.rates()) {
        RunSetting setting = RunSetting.open(payload, rate, sweep.openMaxInFlight());
        runs.add(print(OpenLoop.run(sender, setting, sweep.limits(), drain(), clock)));
      }
    }
    skipped.forEach(line -> out.println("skipped " + line));
    return new Outcome(runs, skipped);
  }

  /** The setting run {@code repeat} times; the run with the median records/s stands for all. */
  private RunResult closed(RunSetting setting) throws InterruptedException {
    List<RunResult> tries = new ArrayList<>();
    for (int i = 0; i < sweep.repeat(); i++) {
      tries.add(ClosedLoop.run(sender, setting, sweep.limits(), clock));
    }
    List<Double> rates = tries.stream().map(run -> run.throughput().recordsPerSecond()).toList();
    tries.sort(Comparator.comparingDouble(run -> run.throughput().recordsPerSecond()));
    return tries.get(tries.size() / 2).withRepeats(rates);
  }

  /** Seconds the sweep takes at most, not counting the wait for the last answers of each run. */
  static double plannedSeconds(LoadSettings.Sweep sweep, List<Payload> payloads) {
    double seconds = 0;
    for (Payload payload : payloads) {
      long levels = sweep.concurrencies().stream()
          .filter(c -> c * payload.payloadMb() <= Recommender.MAX_CONCURRENT_MB).count();
      seconds += sweep.warmup().toMillis() / 1000.0
          + (levels * sweep.repeat() + sweep.rates().size()) * sweep.duration().toMillis() / 1000.0;
    }
    return seconds;
  }

  private void warmUp(Payload payload) throws InterruptedException {
    if (sweep.warmup().isZero()) {
      return;
    }
    int concurrency = Math.max(1, Math.min(2, sweep.maxConcurrency()));
    Limits limits = new Limits(sweep.warmup(), sweep.maxRequests());
    RunResult warm = ClosedLoop.run(sender, RunSetting.closed(payload, concurrency), limits, clock);
    out.println("warm-up " + payload.label() + ": " + Format.number(warm.counts().requests()) + " requests, "
        + Format.number(warm.counts().failed()) + " failed, p50 " + Format.millis(warm.latency().p50()));
  }

  private RunResult print(RunResult run) {
    out.println(table.row(RunTable.cells(run)));
    return run;
  }

  private Duration drain() {
    return sweep.duration().compareTo(Duration.ofSeconds(5)) > 0 ? sweep.duration() : Duration.ofSeconds(5);
  }
}
