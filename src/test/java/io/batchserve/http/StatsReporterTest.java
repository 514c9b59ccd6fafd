package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.batchserve.testing.FakeTicker;
import io.batchserve.worker.PoolStats;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StatsReporterTest {
  private final FakeTicker ticker = new FakeTicker();
  private final TrafficStats traffic = new TrafficStats();
  private final AtomicReference<PoolStats> pool = new AtomicReference<>(PoolStats.ZERO);
  private final StatsReporter reporter =
      new StatsReporter(
          traffic, pool::get, 2, () -> 3, 64, () -> "churn java, forecast xgboost4j", ticker);

  @Test
  void report_busyInterval_oneLineWithRatesBusyShareAndLatency() {
    traffic.record(200, 400_000_000L);
    traffic.record(200, 600_000_000L);
    traffic.record(400, 1_000_000L);
    traffic.record(503, 100_000L);
    pool.set(new PoolStats(2, 2, 160_000, 48_000_000_000L));
    ticker.advance(30_000_000_000L);

    assertEquals(
        "last 30 s: 4 requests answered (200: 2, 4xx: 1 (408 slow body: 0), 503: 1, other 5xx: 0);"
            + " 160,000 records predicted, 5,333 records/s; latency p50 1.0 ms, p99 600.1 ms, max"
            + " 600.1 ms; workers 80 % busy, 2 predictions of 80,000 records on average; queue 3 of"
            + " 64; engines: churn java, forecast xgboost4j",
        reporter.report());
  }

  @Test
  void report_countsOnlyTheIntervalSinceTheLastLine() {
    traffic.record(200, 1_000_000L);
    pool.set(new PoolStats(1, 1, 10, 1_000_000L));
    ticker.advance(60_000_000_000L);
    reporter.report();
    traffic.record(500, 2_000_000L);
    pool.set(new PoolStats(3, 4, 50, 3_000_000L));
    ticker.advance(10_000_000_000L);

    assertEquals(
        "last 10 s: 1 requests answered (200: 0, 4xx: 0 (408 slow body: 0), 503: 0, other 5xx: 1);"
            + " 40 records predicted, 4 records/s; latency p50 2.0 ms, p99 2.0 ms, max 2.0 ms;"
            + " workers 0 % busy, 2 predictions of 20 records on average; queue 3 of 64; engines:"
            + " churn java, forecast xgboost4j",
        reporter.report());
  }

  @Test
  void report_idleInterval_saysNothing() {
    ticker.advance(60_000_000_000L);
    assertNull(reporter.report());
  }
}
