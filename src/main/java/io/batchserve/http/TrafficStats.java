package io.batchserve.http;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The answers of {@code POST /invocations} by status, and their latency, between two reads.
 * Recording is lock-free and safe from any thread; {@link #interval} is called by one reporting
 * thread.
 */
final class TrafficStats {
  private static final long MAX_MICROS = 3_600_000_000L;

  private final LongAdder ok = new LongAdder();
  private final LongAdder clientErrors = new LongAdder();
  private final LongAdder slowBodies = new LongAdder();
  private final LongAdder busy = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final Recorder latency = new Recorder(MAX_MICROS, 3);

  /**
   * One interval's answers; latency in microseconds. {@code slowBodies} counts the 408s (bodies cut
   * off for arriving too slowly), which are also among the {@code clientErrors}.
   */
  record Interval(
      long ok,
      long clientErrors,
      long slowBodies,
      long busy,
      long serverErrors,
      Histogram latency) {
    long answered() {
      return ok + clientErrors + busy + serverErrors;
    }
  }

  void record(int status, long nanos) {
    if (status < 400) {
      ok.increment();
    } else if (status < 500) {
      clientErrors.increment();
      if (status == 408) {
        slowBodies.increment();
      }
    } else if (status == 503) {
      busy.increment();
    } else {
      serverErrors.increment();
    }
    latency.recordValue(Math.max(0, Math.min(nanos / 1000, MAX_MICROS)));
  }

  /** What was recorded since the previous call (or since the start). */
  Interval interval() {
    return new Interval(
        ok.sumThenReset(),
        clientErrors.sumThenReset(),
        slowBodies.sumThenReset(),
        busy.sumThenReset(),
        serverErrors.sumThenReset(),
        latency.getIntervalHistogram());
  }
}
