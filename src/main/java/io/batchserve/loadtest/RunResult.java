package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one bounded run at one setting: a closed loop at {@code concurrency} requests in
 * flight, or an open loop at {@code rate} requests per second.
 *
 * @param mode {@code closed} or {@code open}
 * @param strategy {@code MultiRecord} or {@code SingleRecord}
 * @param payloadMb the MaxPayloadInMB the bodies were packed under (1 for SingleRecord)
 * @param seconds from the first send to the last answer
 * @param errors a few distinct error answers, to say why
 * @param repeats records/s of every repetition of this setting; this result is the median one
 * @param distribution the latency of 2xx answers at fixed percentiles, HdrHistogram style (empty
 *     when none)
 * @param timeline what was answered in each second of the run, in order
 * @param client what the load generator itself cost and whether it kept up (zeros when unknown)
 */
record RunResult(
    String mode,
    String strategy,
    int payloadMb,
    int concurrency,
    double rate,
    double seconds,
    Counts counts,
    Latency latency,
    Throughput throughput,
    List<String> errors,
    List<Double> repeats,
    List<Percentile> distribution,
    List<Second> timeline,
    Client client) {
  RunResult {
    errors = List.copyOf(errors);
    repeats = List.copyOf(repeats);
    distribution = List.copyOf(distribution);
    timeline = List.copyOf(timeline);
  }

  /** A run without the distribution and the timeline (tests, old reports). */
  RunResult(
      String mode,
      String strategy,
      int payloadMb,
      int concurrency,
      double rate,
      double seconds,
      Counts counts,
      Latency latency,
      Throughput throughput,
      List<String> errors,
      List<Double> repeats) {
    this(
        mode,
        strategy,
        payloadMb,
        concurrency,
        rate,
        seconds,
        counts,
        latency,
        throughput,
        errors,
        repeats,
        List.of(),
        List.of(),
        Client.UNKNOWN);
  }

  /**
   * The load generator during the run.
   *
   * @param cpuSeconds its CPU time (see {@link CpuMeter})
   * @param processors the host's processors
   * @param lateShare open loop: the share of requests that left the schedule more than {@link
   *     OpenLoop#LATE_MS} ms after they were due, because the generator itself fell behind (0 for
   *     the closed loop)
   */
  record Client(double cpuSeconds, int processors, double lateShare) {
    static final Client UNKNOWN = new Client(0, 0, 0);

    /** The client's share of the host's CPU over {@code seconds}; 0 when unknown. */
    double share(double seconds) {
      return processors == 0 || seconds <= 0 ? 0 : cpuSeconds / (seconds * processors);
    }
  }

  /** This run with what its client cost. */
  RunResult withClient(Client measured) {
    return with(repeats, measured);
  }

  private RunResult with(List<Double> newRepeats, Client newClient) {
    return new RunResult(
        mode,
        strategy,
        payloadMb,
        concurrency,
        rate,
        seconds,
        counts,
        latency,
        throughput,
        errors,
        newRepeats,
        distribution,
        timeline,
        newClient);
  }

  /** The client's share of the host's CPU during this run. */
  double clientShare() {
    return client.share(seconds);
  }

  /** Client CPU microseconds per request; 0 when unknown. */
  double clientMicrosPerRequest() {
    return counts.requests() == 0 ? 0 : client.cpuSeconds() * 1e6 / counts.requests();
  }

  /** {@code ms} is the latency at or below which {@code percentile} % of the 2xx answers came. */
  record Percentile(double percentile, double ms) {}

  /**
   * Second {@code second} of the run (0 = the first): records answered 2xx in it and their p99 (0
   * when none).
   */
  record Second(int second, double recordsPerSecond, double p99Ms) {}

  /**
   * @param ok requests answered 2xx; only these count towards records, bytes and latency
   * @param byStatus every request by outcome: the HTTP status, {@code no-answer} (I/O failure or
   *     timeout) or {@code not-sent} (an open-loop request still queued when the run was cut off)
   * @param wrongCount 2xx answers whose line count differs from the records sent
   */
  record Counts(
      long requests,
      long ok,
      long records,
      long bytes,
      Map<String, Long> byStatus,
      long wrongCount) {
    long failed() {
      return requests - ok;
    }
  }

  /**
   * Latency of 2xx answers in milliseconds, from the (intended) send to the last byte of the
   * answer.
   */
  record Latency(double p50, double p90, double p99, double p999, double max, double mean) {}

  /** Successful work per second; 1 MB = 1,048,576 bytes, as in MaxPayloadInMB. */
  record Throughput(double recordsPerSecond, double requestsPerSecond, double mbPerSecond) {}

  /** This result, standing for all the repetitions of its setting. */
  RunResult withRepeats(List<Double> recordsPerSecond) {
    return with(recordsPerSecond, client);
  }

  /**
   * (max - min) / reported records/s over the repetitions; NaN for a single run or nothing
   * measured.
   */
  double spread() {
    if (repeats.size() < 2 || throughput.recordsPerSecond() == 0) {
      return Double.NaN;
    }
    double max = repeats.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double min = repeats.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    return (max - min) / throughput.recordsPerSecond();
  }

  boolean closed() {
    return mode.equals("closed");
  }

  /**
   * The setting as a person reads it: {@code 6 MB x 4}, {@code SingleRecord x 8}, {@code 6 MB @
   * 20/s}.
   */
  String label() {
    String payload = strategy.equals("SingleRecord") ? "SingleRecord" : payloadMb + " MB";
    return closed() ? payload + " x " + concurrency : payload + " @ " + Format.number(rate) + "/s";
  }
}
