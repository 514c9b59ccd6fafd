package io.batchserve.loadtest;

import io.batchserve.config.SageMakerLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Tallies the replies of one run: latency of 2xx answers in an HdrHistogram (microseconds, 3
 * significant digits, up to one hour), every request by status, and per second of the run the
 * records answered and a coarser histogram for that second's p99 (the timeline). Safe to call from
 * many threads; recording is a short synchronized block, far cheaper than the requests it counts.
 */
final class Recorder {
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
  private static final int MAX_ERRORS = 5;

  /**
   * The percentiles of a run's latency distribution: denser towards the tail, as HdrHistogram plots
   * them.
   */
  private static final double[] PERCENTILES = {
    0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97, 97.5, 98, 98.5, 99, 99.25,
    99.5, 99.75, 99.9, 99.95, 99.99, 99.999, 100
  };

  // All guarded by this.
  private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
  private final Map<String, Long> byStatus = new TreeMap<>();
  private final List<String> errors = new ArrayList<>();
  private long requests;
  private long ok;
  private long records;
  private long bytes;
  private long wrongCount;
  private final List<Histogram> perSecond = new ArrayList<>();
  private final List<Long> recordsBySecond = new ArrayList<>();

  /**
   * @param latencyNanos from the send (open loop: from when it was due) to the answer
   * @param sinceStartNanos from the start of the run to the answer: its second in the timeline
   */
  synchronized void record(PackedBody body, Reply reply, long latencyNanos, long sinceStartNanos) {
    requests++;
    byStatus.merge(
        reply.status() == 0 ? "no-answer" : Integer.toString(reply.status()), 1L, Long::sum);
    if (!reply.ok()) {
      String error = (reply.status() == 0 ? "" : reply.status() + " ") + reply.error();
      if (errors.size() < MAX_ERRORS && !errors.contains(error)) {
        errors.add(error);
      }
      return;
    }
    ok++;
    records += body.records();
    bytes += body.bytes().length;
    if (reply.answerRecords() != body.records()) {
      wrongCount++;
    }
    long value = Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
    micros.recordValue(value);
    int second = (int) Math.min(Math.max(0, sinceStartNanos / 1_000_000_000L), 86_400);
    while (perSecond.size() <= second) {
      perSecond.add(new Histogram(HIGHEST_MICROS, 2));
      recordsBySecond.add(0L);
    }
    perSecond.get(second).recordValue(value);
    recordsBySecond.set(second, recordsBySecond.get(second) + body.records());
  }

  /** Open-loop requests that were due but never sent before the run was cut off. */
  synchronized void notSent(long count) {
    if (count > 0) {
      requests += count;
      byStatus.merge("not-sent", count, Long::sum);
    }
  }

  synchronized RunResult result(RunSetting setting, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    var counts =
        new RunResult.Counts(
            requests,
            ok,
            records,
            bytes,
            Collections.unmodifiableMap(new TreeMap<>(byStatus)),
            wrongCount);
    var throughput =
        new RunResult.Throughput(
            records / seconds, ok / seconds, bytes / (double) SageMakerLimits.MEBIBYTE / seconds);
    return new RunResult(
        setting.mode(),
        setting.payload().strategy(),
        setting.payload().payloadMb(),
        setting.concurrency(),
        setting.rate(),
        seconds,
        counts,
        latency(),
        throughput,
        List.copyOf(errors),
        List.of(throughput.recordsPerSecond()),
        distribution(),
        timeline(seconds),
        RunResult.Client.UNKNOWN);
  }

  private List<RunResult.Percentile> distribution() {
    List<RunResult.Percentile> points = new ArrayList<>();
    if (micros.getTotalCount() > 0) {
      for (double p : PERCENTILES) {
        points.add(new RunResult.Percentile(p, micros.getValueAtPercentile(p) / 1000.0));
      }
    }
    return points;
  }

  /** One entry per whole second of the run; a last, partial second counts at its own rate. */
  private List<RunResult.Second> timeline(double runSeconds) {
    List<RunResult.Second> timeline = new ArrayList<>();
    for (int s = 0; s < perSecond.size(); s++) {
      double length = Math.min(1, runSeconds - s);
      Histogram h = perSecond.get(s);
      timeline.add(
          new RunResult.Second(
              s,
              length > 0 ? recordsBySecond.get(s) / length : 0,
              h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0));
    }
    return timeline;
  }

  private RunResult.Latency latency() {
    if (micros.getTotalCount() == 0) {
      return new RunResult.Latency(0, 0, 0, 0, 0, 0);
    }
    return new RunResult.Latency(
        percentile(50),
        percentile(90),
        percentile(99),
        percentile(99.9),
        micros.getMaxValue() / 1000.0,
        micros.getMean() / 1000.0);
  }

  private double percentile(double p) {
    return micros.getValueAtPercentile(p) / 1000.0;
  }
}
