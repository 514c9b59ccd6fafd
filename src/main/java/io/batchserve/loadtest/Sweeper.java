package io.batchserve.loadtest;

import io.batchserve.config.SageMakerLimits;
import io.batchserve.loadtest.report.Format;
import io.batchserve.loadtest.report.TextTable;
import io.batchserve.time.Ticker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the sweep, one bounded run after another: the closed loop at 1, 2, 4, ... requests in flight
 * for every payload (in rounds when repeated), then the open loop at each rate. Closed-loop
 * settings over SageMaker's MaxConcurrentTransforms x MaxPayloadInMB limit are skipped, since no
 * job could use them. The terminal reads top to bottom: one progress line per run as it finishes,
 * then the table of every setting, then what was skipped.
 */
final class Sweeper {
  /** What the sweep measured and what it left out. */
  record Outcome(List<RunResult> runs, List<String> skipped) {}

  private final Sender sender;
  private final LoadSettings.Sweep sweep;
  private final Ticker clock;
  private final PrintWriter out;
  private final CpuMeter cpu;
  private final int processors;
  private final double busyShare;
  private final TextTable table = new TextTable(RunTable.WIDTHS);

  /**
   * @param cpu the load generator's CPU time
   * @param processors the host's processors
   * @param busyShare a run whose client used more of the host's CPU than this is flagged
   */
  Sweeper(
      Sender sender,
      LoadSettings.Sweep sweep,
      Ticker clock,
      PrintWriter out,
      CpuMeter cpu,
      int processors,
      double busyShare) {
    this.sender = sender;
    this.sweep = sweep;
    this.clock = clock;
    this.out = out;
    this.cpu = cpu;
    this.processors = processors;
    this.busyShare = busyShare;
  }

  Outcome run(List<PayloadBodies> payloads) throws InterruptedException {
    List<String> skipped = new ArrayList<>();
    List<RunSetting> settings = closedSettings(payloads, skipped);
    List<RunResult> runs = new ArrayList<>(closedRuns(settings));
    for (PayloadBodies payload : payloads) {
      for (double rate : sweep.rates()) {
        RunSetting setting = RunSetting.open(payload, rate, sweep.openMaxInFlight());
        long before = cpu.read();
        RunResult run = OpenLoop.run(sender, setting, sweep.limits(), drain(), clock, cpu);
        runs.add(progress("", measured(run, before)));
      }
    }
    out.println();
    out.println(table.row(RunTable.HEADERS));
    out.println(table.rule());
    runs.forEach(run -> out.println(table.row(RunTable.cells(run))));
    skipped.forEach(line -> out.println("skipped " + line));
    return new Outcome(runs, skipped);
  }

  private List<RunSetting> closedSettings(List<PayloadBodies> payloads, List<String> skipped) {
    List<RunSetting> settings = new ArrayList<>();
    for (PayloadBodies payload : payloads) {
      for (int concurrency : sweep.concurrencies()) {
        if (!SageMakerLimits.concurrentPayloadAllowed(concurrency, payload.payloadMb())) {
          skipped.add(
              payload.label()
                  + " x "
                  + concurrency
                  + ": "
                  + concurrency
                  + " x "
                  + payload.payloadMb()
                  + " MB is over SageMaker's limit of "
                  + SageMakerLimits.MAX_CONCURRENT_PAYLOAD_MB);
        } else {
          settings.add(RunSetting.closed(payload, concurrency));
        }
      }
    }
    return settings;
  }

  /**
   * Every closed-loop setting, in rounds: each round runs every setting once, so that the
   * repetitions of a setting are spread over the whole sweep instead of taken back to back, and a
   * slow spell of the machine (other work) falls on one repetition of several settings rather than
   * on every repetition of one. Each payload is warmed up before its first run.
   */
  private List<RunResult> closedRuns(List<RunSetting> settings) throws InterruptedException {
    List<List<RunResult>> tries = new ArrayList<>();
    settings.forEach(setting -> tries.add(new ArrayList<>()));
    List<PayloadBodies> warmed = new ArrayList<>();
    List<RunResult> medians = new ArrayList<>();
    for (int round = 1; round <= sweep.repeat(); round++) {
      for (int i = 0; i < settings.size(); i++) {
        RunSetting setting = settings.get(i);
        if (!warmed.contains(setting.payload())) {
          warmed.add(setting.payload());
          warmUp(setting.payload());
        }
        long before = cpu.read();
        RunResult run =
            measured(ClosedLoop.run(sender, setting, sweep.limits(), clock, cpu), before);
        tries
            .get(i)
            .add(
                progress(
                    sweep.repeat() == 1 ? "" : "round " + round + "/" + sweep.repeat() + " ", run));
        if (round == sweep.repeat()) {
          medians.add(median(tries.get(i)));
        }
      }
    }
    return medians;
  }

  /** The run with the median records/s, standing for all the repetitions of its setting. */
  static RunResult median(List<RunResult> tries) {
    List<Double> rates = tries.stream().map(run -> run.throughput().recordsPerSecond()).toList();
    List<RunResult> sorted = new ArrayList<>(tries);
    sorted.sort(Comparator.comparingDouble(run -> run.throughput().recordsPerSecond()));
    return sorted.get(sorted.size() / 2).withRepeats(rates);
  }

  /** Seconds the sweep takes at most, not counting the wait for the last answers of each run. */
  static double plannedSeconds(LoadSettings.Sweep sweep, List<PayloadBodies> payloads) {
    double seconds = 0;
    for (PayloadBodies payload : payloads) {
      long levels =
          sweep.concurrencies().stream()
              .filter(c -> SageMakerLimits.concurrentPayloadAllowed(c, payload.payloadMb()))
              .count();
      seconds +=
          sweep.warmup().toMillis() / 1000.0
              + (levels * sweep.repeat() + sweep.rates().size())
                  * sweep.duration().toMillis()
                  / 1000.0;
    }
    return seconds;
  }

  private void warmUp(PayloadBodies payload) throws InterruptedException {
    if (sweep.warmup().isZero()) {
      return;
    }
    int concurrency = Math.max(1, Math.min(2, sweep.maxConcurrency()));
    Limits limits = new Limits(sweep.warmup(), sweep.maxRequests());
    RunResult warm =
        ClosedLoop.run(sender, RunSetting.closed(payload, concurrency), limits, clock, cpu);
    out.println(
        "warm-up "
            + payload.label()
            + ": "
            + Format.number(warm.counts().requests())
            + " requests, "
            + Format.number(warm.counts().failed())
            + " failed, p50 "
            + Format.millis(warm.latency().p50()));
  }

  /** {@code run} with the CPU its client used since {@code cpuBefore}. */
  private RunResult measured(RunResult run, long cpuBefore) {
    double seconds = Math.max(0, cpu.read() - cpuBefore) / 1e9;
    return run.withClient(new RunResult.Client(seconds, processors, run.client().lateShare()));
  }

  /**
   * One line per finished run: {@code round 2/3 6 MB x 4: 81,234 records/s, p99 310 ms, 2 failed},
   * then what the client cost, and a warning when the client was the busy one.
   */
  private RunResult progress(String prefix, RunResult run) {
    long failed = run.counts().failed();
    out.println(
        prefix
            + run.label()
            + ": "
            + Format.number(run.throughput().recordsPerSecond())
            + " records/s, p99 "
            + Format.millis(run.latency().p99())
            + (failed == 0
                ? ""
                : ", "
                    + Format.number(failed)
                    + " failed ("
                    + StatusWords.of(run.counts().byStatus())
                    + ")")
            + "; client "
            + ClientLoad.describe(run));
    ClientLoad.warning(run, busyShare).ifPresent(warning -> out.println("  warning: " + warning));
    return run;
  }

  private Duration drain() {
    return sweep.duration().compareTo(Duration.ofSeconds(5)) > 0
        ? sweep.duration()
        : Duration.ofSeconds(5);
  }
}
