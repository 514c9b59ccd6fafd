package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientLoadTest {
  /** A run of {@code seconds} whose client used {@code cpuSeconds} of 2 processors. */
  private static RunResult run(String mode, int concurrency, double cpuSeconds, double late) {
    return new RunResult(
            mode,
            PayloadBodies.SINGLE_RECORD,
            1,
            concurrency,
            mode.equals("open") ? 100 : 0,
            10,
            new RunResult.Counts(1000, 1000, 1000, 1000, Map.of("200", 1000L), 0),
            new RunResult.Latency(1, 2, 3, 4, 5, 1),
            new RunResult.Throughput(100, 100, 0.1),
            List.of(),
            List.of())
        .withClient(new RunResult.Client(cpuSeconds, 2, late));
  }

  @Test
  void describe_closedRun_saysShareAndCpuPerRequest() {
    assertEquals(
        "25 % of 2 CPUs, 5,000 µs CPU a request", ClientLoad.describe(run("closed", 8, 5, 0)));
  }

  @Test
  void warning_busyClient_saysSoAndWhatToDo() {
    String warning = ClientLoad.warning(run("closed", 32, 8, 0), 1 / 3.0).orElseThrow();
    assertTrue(
        warning.startsWith("the load generator used 40 % of this machine's 2 CPUs"), warning);
    assertTrue(warning.contains("--cpuset-cpus") && warning.contains("--url"), warning);
    assertTrue(ClientLoad.warning(run("closed", 32, 6, 0), 1 / 3.0).isEmpty());
  }

  @Test
  void warning_openLoopBehindItsSchedule_saysSo() {
    String warning = ClientLoad.warning(run("open", 4, 1, 0.2), 1 / 3.0).orElseThrow();
    assertTrue(
        warning.startsWith("the load generator fell behind its own schedule: 20 %"), warning);
    assertTrue(ClientLoad.warning(run("open", 4, 1, 0.005), 1 / 3.0).isEmpty());
  }

  @Test
  void caution_someBusyRuns_namesTheWorstForTheRecommendation() {
    var runs = List.of(run("closed", 1, 1, 0), run("closed", 8, 7, 0), run("closed", 32, 9, 0));
    String caution = ClientLoad.caution(runs, 1 / 3.0).orElseThrow();
    assertTrue(
        caution.startsWith(
            "the load generator used more than 33 % of the machine's 2 CPUs in 2 of 3 runs (up to"
                + " 45 %, at SingleRecord x 32)"),
        caution);
    assertTrue(ClientLoad.caution(List.of(run("closed", 1, 1, 0)), 1 / 3.0).isEmpty());
  }
}
