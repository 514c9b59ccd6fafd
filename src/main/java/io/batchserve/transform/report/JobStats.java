package io.batchserve.transform.report;

import io.batchserve.transform.invoke.Invoker;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Counters and the request latency histogram of one job. Thread-safe. */
public final class JobStats implements Invoker.Listener {
  public final LongAdder filesCompleted = new LongAdder();
  public final LongAdder filesFailed = new LongAdder();
  public final LongAdder filesStopped = new LongAdder();
  public final LongAdder filesSkipped = new LongAdder();
  public final LongAdder records = new LongAdder();
  public final LongAdder requests = new LongAdder();
  public final LongAdder retries = new LongAdder();
  public final LongAdder bytesRead = new LongAdder();
  public final LongAdder bytesWritten = new LongAdder();
  private final Histogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
  private volatile long startNanos = System.nanoTime();

  @Override
  public void answered(int status, long nanos) {
    requests.increment();
    latencyMicros.recordValue(Math.max(1, Math.min(nanos / 1000, 3_600_000_000L)));
  }

  @Override
  public void retried() {
    retries.increment();
  }

  /** A latency percentile in milliseconds (0 when there were no requests). */
  public double latencyMillis(double percentile) {
    return latencyMicros.getTotalCount() == 0
        ? 0
        : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Starts the throughput clock: called when the servers are ready and the first file starts. */
  public void markStarted() {
    startNanos = System.nanoTime();
  }

  /** Seconds since {@link #markStarted} (or since creation). */
  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
