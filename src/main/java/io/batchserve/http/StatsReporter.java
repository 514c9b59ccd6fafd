package io.batchserve.http;

import io.batchserve.time.Ticker;
import io.batchserve.worker.PoolStats;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One log line per interval in which {@code /invocations} was busy, so that a transform job's log
 * (CloudWatch in SageMaker) shows what the container did and whether it was the bottleneck:
 * requests, records and records/s; answers by status; latency percentiles; how busy the workers
 * were and how many records each prediction carried; the queue. Workers near 100 % busy mean the
 * container is saturated (more concurrency will not help); well below, with an empty queue, mean it
 * waits for requests (raise MaxConcurrentTransforms or MaxPayloadInMB). The line ends with the
 * engine serving each model.
 *
 * <p>{@link #report} is called by one thread at a time (the server's scheduler, or a test).
 */
final class StatsReporter {
  private final TrafficStats traffic;
  private final Supplier<PoolStats> pool;
  private final int workers;
  private final IntSupplier queued;
  private final int queueCapacity;
  private final Supplier<String> engines;
  private final Ticker ticker;
  private PoolStats lastPool = PoolStats.ZERO;
  private long lastTick;

  StatsReporter(
      TrafficStats traffic,
      Supplier<PoolStats> pool,
      int workers,
      IntSupplier queued,
      int queueCapacity,
      Supplier<String> engines,
      Ticker ticker) {
    this.traffic = traffic;
    this.pool = pool;
    this.workers = workers;
    this.queued = queued;
    this.queueCapacity = queueCapacity;
    this.engines = engines;
    this.ticker = ticker;
    this.lastTick = ticker.read();
  }

  /**
   * The line for the interval since the previous call, or null when no request was answered in it.
   */
  String report() {
    long now = ticker.read();
    double seconds = Math.max(1e-9, (now - lastTick) / 1e9);
    TrafficStats.Interval answers = traffic.interval();
    PoolStats total = pool.get();
    PoolStats work = total.minus(lastPool);
    lastTick = now;
    lastPool = total;
    if (answers.answered() == 0 && work.requests() == 0) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "last %.0f s: %,d requests answered (200: %,d, 4xx: %,d (408 slow body: %,d), 503: %,d,"
            + " other 5xx: %,d); %,d records predicted, %,.0f records/s; latency p50 %s, p99 %s,"
            + " max %s; workers %.0f %% busy, %,d predictions of %,.0f records on average; queue %d"
            + " of %d; engines: %s",
        seconds,
        answers.answered(),
        answers.ok(),
        answers.clientErrors(),
        answers.slowBodies(),
        answers.busy(),
        answers.serverErrors(),
        work.records(),
        work.records() / seconds,
        millis(answers, 50),
        millis(answers, 99),
        millis(answers, 100),
        100.0 * work.busyNanos() / (seconds * 1e9 * workers),
        work.predictions(),
        work.predictions() == 0 ? 0.0 : (double) work.records() / work.predictions(),
        queued.getAsInt(),
        queueCapacity,
        engines.get());
  }

  private static String millis(TrafficStats.Interval answers, double percentile) {
    if (answers.latency().getTotalCount() == 0) {
      return "-";
    }
    long micros =
        percentile >= 100
            ? answers.latency().getMaxValue()
            : answers.latency().getValueAtPercentile(percentile);
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }
}
