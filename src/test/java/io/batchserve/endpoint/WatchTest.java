package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.FakeTicker;
import io.batchserve.transform.invoke.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The watch drives a real {@link Fleet} with fake instances on a fake clock: the fleet follows the
 * scaling policy's decisions, a leaving instance drains before it stops, instance-seconds add up as
 * billed, and the metrics line is printed when due and changed.
 */
class WatchTest {
  private static final ScalingPolicy POLICY =
      new ScalingPolicy(
          0, 4, 5.0, Duration.ofSeconds(60), Duration.ofSeconds(120), 1, Duration.ofSeconds(30));

  private final FakeTicker clock = new FakeTicker();
  private final AtomicLong backlog = new AtomicLong();
  private final List<String> started = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stopped = Collections.synchronizedList(new ArrayList<>());
  private final List<String> console = Collections.synchronizedList(new ArrayList<>());

  @Test
  void step_backlogComesAndGoes_fleetFollowsPolicyFromZeroAndBack() throws Exception {
    try (Fleet fleet = fleet(Integer.MAX_VALUE, e -> Fleet.Duty.NONE)) {
      Watch watch = watch(fleet);
      watch.step();
      assertEquals(0, fleet.size(), "nothing queued: stays at zero");

      backlog.set(23);
      watch.step();
      assertEquals(1, fleet.size(), "cold start: the step policy's one instance");
      assertTrue(
          console.stream().anyMatch(l -> l.contains("from zero (cold start)")), console.toString());

      watch.step();
      assertEquals(4, fleet.size(), "ceil(23 / 5) = 5, capped at MaxCapacity 4");
      assertEquals(
          List.of("slot 1", "slot 2", "slot 3", "slot 4"),
          started.stream().sorted().toList(),
          "started in parallel, each slot once");

      backlog.set(6);
      clock.advanceMillis(60_000);
      watch.step();
      assertEquals(4, fleet.size(), "scale-in waits 120 s after the last scaling");
      clock.advanceMillis(60_000);
      watch.step();
      assertEquals(2, fleet.size(), "ceil(6 / 5) = 2");
      awaitStopped(2);
      assertTrue(!stopped.contains("slot 1"), "the first in service stays: " + stopped);

      backlog.set(0);
      clock.advanceMillis(120_000);
      watch.step();
      assertEquals(0, fleet.size(), "to zero once the backlog is empty");
      awaitStopped(4);
      assertEquals(started.stream().sorted().toList(), stopped.stream().sorted().toList());
      assertEquals(4, fleet.actions(), "cold start, out, in, to zero");
    }
  }

  @Test
  void scaleTo_leavingInstance_drainsBeforeItStopsAndCountsItsSeconds() throws Exception {
    CountDownLatch drained = new CountDownLatch(1);
    try (Fleet fleet =
        fleet(
            Integer.MAX_VALUE,
            e ->
                () -> {
                  assertTrue(drained.await(10, TimeUnit.SECONDS));
                })) {
      fleet.scaleTo(2, false);
      clock.advanceMillis(10_000);
      fleet.scaleTo(1, true);
      assertEquals(1, fleet.size(), "out of service at once");
      assertEquals(1, fleet.stopping());
      Thread.sleep(100);
      assertEquals(List.of(), stopped, "still draining");
      clock.advanceMillis(5_000);
      drained.countDown();
      awaitStopped(1);
      assertEquals(0, fleet.stopping());
      assertEquals(15 + 15, fleet.instanceSeconds(), 1e-9, "two instances, 15 s each so far");
    }
  }

  @Test
  void scaleTo_urlsGiven_goesNoFurtherThanThem() throws Exception {
    try (Fleet fleet = fleet(2, e -> Fleet.Duty.NONE)) {
      backlog.set(100);
      Watch watch = watch(fleet);
      watch.step();
      watch.step();
      assertEquals(2, fleet.size(), "policy wants 4, two URLs");
    }
  }

  @Test
  void scaleTo_slotStillStopping_isNotReusedUntilStopped() throws Exception {
    CountDownLatch drained = new CountDownLatch(1);
    try (Fleet fleet = fleet(2, e -> () -> drained.await(10, TimeUnit.SECONDS))) {
      fleet.scaleTo(2, false);
      fleet.scaleTo(1, true);
      fleet.scaleTo(2, true);
      assertEquals(1, fleet.size(), "URL 2 is still draining: not started twice");
      drained.countDown();
      awaitStopped(1);
      fleet.scaleTo(2, true);
      assertEquals(2, fleet.size());
      assertEquals(3, started.size(), started.toString());
      assertEquals(stopped.get(0), started.get(2), "the stopped slot, once free, is reused");
    }
  }

  @Test
  void step_metricsLine_printedWhenDueAndChanged() throws Exception {
    try (Fleet fleet = fleet(Integer.MAX_VALUE, e -> Fleet.Duty.NONE)) {
      Watch watch =
          new Watch(
              () -> Metrics.of("e", null, fleet),
              fleet,
              null,
              clock,
              Duration.ofSeconds(1),
              Duration.ofSeconds(60),
              console::add);
      watch.step();
      clock.advanceMillis(60_000);
      watch.step();
      fleet.scaleTo(1, false);
      clock.advanceMillis(30_000);
      watch.step();
      clock.advanceMillis(30_000);
      watch.step();
      List<String> lines = console.stream().filter(l -> l.startsWith("metrics: ")).toList();
      assertEquals(2, lines.size(), console.toString());
      assertTrue(lines.get(0).contains("instances 0"), lines.toString());
      assertTrue(lines.get(1).contains("instances 1"), lines.toString());
    }
  }

  private Watch watch(Fleet fleet) {
    return new Watch(
        () -> metrics(fleet),
        fleet,
        new Scaler(POLICY, clock),
        clock,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        console::add);
  }

  private Metrics metrics(Fleet fleet) {
    int n = fleet.size();
    long b = backlog.get();
    return new Metrics(
        "e", b, n == 0 ? Double.NaN : (double) b / n, b > 0 && n == 0, 0, n, 0, 0, 0, 0, 0, 0, 0);
  }

  private Fleet fleet(int limit, Function<Endpoint, Fleet.Duty> duty) {
    Fleet.Launcher launcher =
        new Fleet.Launcher() {
          @Override
          public Fleet.Started start(int slot) {
            started.add("slot " + slot);
            return new Fleet.Started(
                EndpointFixtures.at(URI.create("http://127.0.0.1:" + (9000 + slot))),
                () -> stopped.add("slot " + slot));
          }

          @Override
          public int limit() {
            return limit;
          }
        };
    return new Fleet(launcher, duty, clock, console::add);
  }

  private void awaitStopped(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stopped.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(count, stopped.size(), stopped.toString());
  }
}
