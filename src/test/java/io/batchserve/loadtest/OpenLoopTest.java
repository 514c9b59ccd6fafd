package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.testing.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenLoopTest {
  private final FakeTicker clock = new FakeTicker();
  private final PayloadBodies payload = Fixtures.payload(1, 2);
  private final RunSetting tenPerSecond = RunSetting.open(payload, 10, 1);

  private Sender taking(long millis, List<Long> sentAt) {
    return body -> {
      sentAt.add(clock.read() / 1_000_000);
      clock.advanceMillis(millis);
      return Fixtures.ok(body);
    };
  }

  @Test
  void run_serverSlowerThanTheRate_latencyCountsFromTheDueTime() throws Exception {
    List<Long> sentAt = new ArrayList<>();
    // Due every 100 ms, each answer takes 250 ms, one at a time: request i is sent at 250 i ms, due
    // at 100 i ms.
    RunResult run =
        OpenLoop.run(
            taking(250, sentAt),
            tenPerSecond,
            Fixtures.limits(Duration.ofSeconds(1), 1000),
            clock,
            Runnable::run,
            () -> 0);

    assertEquals(List.of(0L, 250L, 500L, 750L, 1000L, 1250L, 1500L, 1750L, 2000L, 2250L), sentAt);
    assertEquals(10, run.counts().requests());
    // Latencies 250, 400, ..., 1600 ms; a loop timing from the send would report 250 ms for all of
    // them.
    assertEquals(1600, run.latency().max(), 1.6);
    assertEquals(925, run.latency().mean(), 1);
    assertEquals(2.5, run.seconds(), 1e-9);
    // Run inline, the sending thread itself fell behind: 9 of 10 requests left late.
    assertEquals(0.9, run.client().lateShare(), 1e-9);
  }

  @Test
  void run_serverFasterThanTheRate_sendsOnScheduleAndLatencyIsTheServiceTime() throws Exception {
    List<Long> sentAt = new ArrayList<>();
    RunResult run =
        OpenLoop.run(
            taking(20, sentAt),
            tenPerSecond,
            Fixtures.limits(Duration.ofSeconds(1), 1000),
            clock,
            Runnable::run,
            () -> 0);

    assertEquals(List.of(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L), sentAt);
    assertEquals(20, run.latency().p50(), 0.02);
    assertEquals(20, run.latency().max(), 0.02);
    assertEquals(0.92, run.seconds(), 1e-9);
    assertEquals(0, run.client().lateShare());
  }

  @Test
  void run_requestBudget_capsTheRequestsDue() throws Exception {
    List<Long> sentAt = new ArrayList<>();
    RunResult run =
        OpenLoop.run(
            taking(1, sentAt),
            tenPerSecond,
            Fixtures.limits(Duration.ofSeconds(60), 25),
            clock,
            Runnable::run,
            () -> 0);

    assertEquals(25, run.counts().requests());
  }

  @Test
  void run_cutOffWithRequestsQueued_countsThemAsNotSent() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    RunResult run =
        OpenLoop.run(
            taking(1, new ArrayList<>()),
            tenPerSecond,
            Fixtures.limits(Duration.ofSeconds(1), 1000),
            clock,
            queued::add,
            () -> {
              queued.subList(0, 7).forEach(Runnable::run);
              return queued.size() - 7;
            });

    assertEquals(Map.of("200", 7L, "not-sent", 3L), run.counts().byStatus());
    assertEquals(10, run.counts().requests());
  }
}
