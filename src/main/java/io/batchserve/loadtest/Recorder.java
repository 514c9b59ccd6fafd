package io.batchserve.loadtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Tallies the replies of one run: latency of 2xx answers in an HdrHistogram (microseconds, 3 significant digits, up
 * to one hour), and every request by status. Safe to call from many threads; recording is a short synchronized
 * block, far cheaper than the requests it counts.
 */
final class Recorder {
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
  private static final int MAX_ERRORS = 5;

  // All guarded by this.
  private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
  private final Map<String, Long> byStatus = new TreeMap<>();
  private final List<String> errors = new ArrayList<>();
  private long requests;
  private long ok;
  private long records;
  private long bytes;
  private long wrongCount;

  synchronized void record(Body body, Reply reply, long latencyNanos) {
    requests++;
    byStatus.merge(reply.status() == 0 ? "no-answer" : Integer.toString(reply.status()), 1L, Long::sum);
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
    micros.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos))));
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
    var counts = new RunResult.Counts(requests, ok, records, bytes, Collections.unmodifiableMap(new TreeMap<>(byStatus)), wrongCount);
    var throughput = new RunResult.Throughput(records / seconds, ok / seconds, bytes / 1_048_576.0 / seconds);
    return new RunResult(setting.mode(), setting.payload().strategy(), setting.payload().payloadMb(),
        setting.concurrency(), setting.rate(), seconds, counts, latency(), throughput, List.copyOf(errors),
        List.of(throughput.recordsPerSecond()));
  }

  private RunResult.Latency latency() {
    if (micros.getTotalCount() == 0) {
      return new RunResult.Latency(0, 0, 0, 0, 0, 0);
    }
    return new RunResult.Latency(percentile(50), percentile(90), percentile(99), percentile(99.9),
        micros.getMaxValue() / 1000.0, micros.getMean() / 1000.0);
  }

  private double percentile(double p) {
    return micros.getValueAtPercentile(p) / 1000.0;
  }
}
