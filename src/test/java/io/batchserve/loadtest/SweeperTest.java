package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.FakeTicker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweeperTest {
  private final FakeTicker clock = new FakeTicker();

  private LoadSettings.Sweep sweep(int maxConcurrency, List<Double> rates) {
    return new LoadSettings.Sweep(
        maxConcurrency, rates, 4, Duration.ZERO, Duration.ofSeconds(1), 5, 1);
  }

  @Test
  void concurrencies_doubleUpToTheMaximum() {
    assertEquals(List.of(1, 2, 4, 8), sweep(8, List.of()).concurrencies());
    assertEquals(List.of(1, 2, 4, 6), sweep(6, List.of()).concurrencies());
    assertEquals(List.of(), sweep(0, List.of(1.0)).concurrencies());
  }

  @Test
  void run_repeated_interleavesTheRoundsAndReportsEverySettingOnce() throws Exception {
    List<Integer> order = new ArrayList<>();
    Sender recording =
        body -> {
          order.add(body.records());
          return Fixtures.ok(body);
        };
    // One request per run: round 1 runs every setting once, then round 2 does again.
    var sweep = new LoadSettings.Sweep(2, List.of(), 4, Duration.ZERO, Duration.ofHours(1), 1, 2);
    PayloadBodies small = Fixtures.payload(1, 1);
    PayloadBodies large =
        new PayloadBodies(PayloadBodies.MULTI_RECORD, 2, Fixtures.payload(1, 9).bodies());

    var runs =
        new Sweeper(
                recording,
                sweep,
                clock,
                new PrintWriter(new StringWriter()),
                Fixtures.NO_CPU,
                2,
                0.34)
            .run(List.of(small, large))
            .runs();

    assertEquals(List.of(1, 1, 9, 9, 1, 1, 9, 9), order);
    assertEquals(
        List.of("1 MB x 1", "1 MB x 2", "2 MB x 1", "2 MB x 2"),
        runs.stream().map(RunResult::label).toList());
    assertEquals(2, runs.get(0).repeats().size());
  }

  @Test
  void run_repeated_reportsTheMedianRunAndTheSpread() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    // Three repetitions of 5 requests of 3 records: 10 ms, 30 ms, then 20 ms per request.
    Sender varying =
        body -> {
          int i = sent.getAndIncrement();
          clock.advanceMillis(i < 5 ? 10 : i < 10 ? 30 : 20);
          return Fixtures.ok(body);
        };
    var sweep = new LoadSettings.Sweep(1, List.of(), 4, Duration.ZERO, Duration.ofHours(1), 5, 3);

    RunResult run =
        new Sweeper(
                varying,
                sweep,
                clock,
                new PrintWriter(new StringWriter()),
                Fixtures.NO_CPU,
                2,
                0.34)
            .run(List.of(Fixtures.payload(1, 3)))
            .runs()
            .get(0);

    assertEquals(150, run.throughput().recordsPerSecond(), 1e-9);
    assertEquals(List.of(300.0, 100.0, 150.0), run.repeats());
    assertEquals("133%", RunTable.spread(run));
  }

  @Test
  void run_clientUsingHalfTheMachine_isFlaggedBesideTheResult() throws Exception {
    // Each request takes 10 ms of the fake clock; the stubbed meter says the client burnt 10 ms of
    // CPU for each read, i.e. 50 % of 2 processors over the run.
    AtomicInteger reads = new AtomicInteger();
    CpuMeter busy = () -> reads.getAndIncrement() * 10_000_000L;
    Sender slow =
        body -> {
          clock.advanceMillis(10);
          return Fixtures.ok(body);
        };
    StringWriter printed = new StringWriter();
    var sweep = new LoadSettings.Sweep(1, List.of(), 4, Duration.ZERO, Duration.ofHours(1), 1, 1);

    RunResult run =
        new Sweeper(slow, sweep, clock, new PrintWriter(printed), busy, 2, 0.34)
            .run(List.of(Fixtures.payload(1, 1)))
            .runs()
            .get(0);

    assertEquals(0.5, run.clientShare(), 1e-9);
    assertTrue(
        printed.toString().contains("1 MB x 1: 100 records/s, p99 10.0 ms; client 50 % of 2 CPUs"),
        printed.toString());
    assertTrue(
        printed
            .toString()
            .contains(
                "  warning: the load generator used 50 % of this machine's 2 CPUs (more than 34"
                    + " %)"),
        printed.toString());
    assertTrue(printed.toString().contains("--url"), printed.toString());
    assertEquals("50%", RunTable.clientCpu(run));
  }

  @Test
  void run_quietClient_isNotFlagged() throws Exception {
    StringWriter printed = new StringWriter();
    Sender slow =
        body -> {
          clock.advanceMillis(10);
          return Fixtures.ok(body);
        };
    var sweep = new LoadSettings.Sweep(1, List.of(), 4, Duration.ZERO, Duration.ofHours(1), 1, 1);
    new Sweeper(slow, sweep, clock, new PrintWriter(printed), Fixtures.NO_CPU, 2, 0.34)
        .run(List.of(Fixtures.payload(1, 1)));
    assertTrue(printed.toString().contains("client 0 % of 2 CPUs"), printed.toString());
    assertTrue(!printed.toString().contains("warning"), printed.toString());
  }

  @Test
  void run_overTheHundredMegabyteLimit_skipsAndSaysWhy() throws Exception {
    PayloadBodies big =
        new PayloadBodies(PayloadBodies.MULTI_RECORD, 30, Fixtures.payload(1, 1).bodies());
    StringWriter printed = new StringWriter();
    Sender instant = Fixtures::ok;

    Sweeper.Outcome outcome =
        new Sweeper(
                instant,
                sweep(8, List.of(10.0)),
                clock,
                new PrintWriter(printed),
                Fixtures.NO_CPU,
                2,
                0.34)
            .run(List.of(big));

    assertEquals(
        List.of("30 MB x 1", "30 MB x 2", "30 MB @ 10/s"),
        outcome.runs().stream().map(RunResult::label).toList());
    assertEquals(
        List.of(
            "30 MB x 4: 4 x 30 MB is over SageMaker's limit of 100",
            "30 MB x 8: 8 x 30 MB is over SageMaker's limit of 100"),
        outcome.skipped());
    assertTrue(printed.toString().contains("30 MB x 2 "), printed.toString());
    assertEquals(2 + 1, Sweeper.plannedSeconds(sweep(8, List.of(10.0)), List.of(big)), 1e-9);
  }
}
