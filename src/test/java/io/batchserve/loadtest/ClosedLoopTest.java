package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.testing.FakeTicker;
import io.batchserve.time.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {
  private final FakeTicker clock = new FakeTicker();
  private final PayloadBodies payload = Fixtures.payload(2, 3);

  @Test
  void run_scriptedDelays_reportsExactCountsAndPercentiles() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    // 90 answers take 10 ms, 9 take 100 ms, 1 takes 1 s: 2.8 s in all at concurrency 1.
    Sender scripted =
        body -> {
          int i = sent.getAndIncrement();
          clock.advanceMillis(i < 90 ? 10 : i < 99 ? 100 : 1000);
          return Fixtures.ok(body);
        };
    RunResult run =
        ClosedLoop.run(
            scripted,
            RunSetting.closed(payload, 1),
            Fixtures.limits(Duration.ofHours(1), 100),
            clock,
            Fixtures.NO_CPU);

    assertEquals(100, run.counts().requests());
    assertEquals(100, run.counts().ok());
    assertEquals(300, run.counts().records());
    assertEquals(Map.of("200", 100L), run.counts().byStatus());
    assertEquals(2.8, run.seconds(), 1e-9);
    assertEquals(300 / 2.8, run.throughput().recordsPerSecond(), 1e-9);
    assertEquals(100 / 2.8, run.throughput().requestsPerSecond(), 1e-9);
    // HdrHistogram keeps 3 significant digits: allow 0.1 %.
    assertEquals(10, run.latency().p50(), 0.01);
    assertEquals(10, run.latency().p90(), 0.01);
    assertEquals(100, run.latency().p99(), 0.1);
    assertEquals(1000, run.latency().p999(), 1);
    assertEquals(1000, run.latency().max(), 1);
    assertEquals(28, run.latency().mean(), 0.03);
  }

  @Test
  void run_durationSpent_stopsSendingAtTheDeadline() throws Exception {
    Sender hundredMillis =
        body -> {
          clock.advanceMillis(100);
          return Fixtures.ok(body);
        };
    RunResult run =
        ClosedLoop.run(
            hundredMillis,
            RunSetting.closed(payload, 1),
            Fixtures.limits(Duration.ofSeconds(1), 1_000_000),
            clock,
            Fixtures.NO_CPU);

    assertEquals(10, run.counts().requests());
    assertEquals(1.0, run.seconds(), 1e-9);
  }

  @Test
  void run_requestBudget_sendsExactlyThatManyAcrossClients() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    Sender instant =
        body -> {
          sent.incrementAndGet();
          return Fixtures.ok(body);
        };
    RunResult run =
        ClosedLoop.run(
            instant,
            RunSetting.closed(payload, 4),
            Fixtures.limits(Duration.ofHours(1), 1000),
            Ticker.system(),
            Fixtures.NO_CPU);

    assertEquals(1000, sent.get());
    assertEquals(1000, run.counts().requests());
    assertEquals(4, run.concurrency());
  }

  @Test
  void run_errorStatuses_areCountedNotThrown() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    Sender mixed =
        body -> {
          int i = sent.getAndIncrement();
          clock.advanceMillis(5);
          return switch (i % 4) {
            case 1 -> new Reply(503, 0, "{\"error\":\"ServiceUnavailable\"}");
            case 2 -> new Reply(500, 0, "{\"error\":\"PredictionFailed\"}");
            case 3 -> Reply.noAnswer("ConnectException");
            default -> Fixtures.ok(body);
          };
        };
    RunResult run =
        ClosedLoop.run(
            mixed,
            RunSetting.closed(payload, 1),
            Fixtures.limits(Duration.ofHours(1), 40),
            clock,
            Fixtures.NO_CPU);

    assertEquals(
        Map.of("200", 10L, "503", 10L, "500", 10L, "no-answer", 10L), run.counts().byStatus());
    assertEquals(10, run.counts().ok());
    assertEquals(30, run.counts().failed());
    assertEquals(30, run.counts().records());
    assertEquals(3, run.errors().size());
  }

  @Test
  void run_answerWithMissingLines_isCountedAsWrong() throws Exception {
    Sender short1 = body -> new Reply(200, body.records() - 1, "");
    RunResult run =
        ClosedLoop.run(
            short1,
            RunSetting.closed(payload, 1),
            Fixtures.limits(Duration.ofHours(1), 7),
            clock,
            Fixtures.NO_CPU);

    assertEquals(7, run.counts().wrongCount());
  }
}
