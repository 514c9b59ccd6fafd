package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The columns in which runs are shown, on the terminal and in the HTML report alike. */
final class RunTable {
  static final List<String> HEADERS =
      List.of(
          "run",
          "requests",
          "failed",
          "records/s",
          "spread",
          "requests/s",
          "MB/s",
          "p50",
          "p90",
          "p99",
          "p99.9",
          "max",
          "client CPU",
          "outcomes");

  /** Terminal column widths; a negative width aligns left. */
  static final int[] WIDTHS = {-20, 8, 6, 10, 6, 10, 7, 9, 9, 9, 9, 9, 10, -20};

  private RunTable() {}

  static List<String> cells(RunResult run) {
    var latency = run.latency();
    var throughput = run.throughput();
    return List.of(
        run.label(),
        Format.number(run.counts().requests()),
        Format.number(run.counts().failed()),
        Format.number(throughput.recordsPerSecond()),
        spread(run),
        Format.number(throughput.requestsPerSecond()),
        Format.number(throughput.mbPerSecond()),
        Format.millis(latency.p50()),
        Format.millis(latency.p90()),
        Format.millis(latency.p99()),
        Format.millis(latency.p999()),
        Format.millis(latency.max()),
        clientCpu(run),
        outcomes(run.counts().byStatus()));
  }

  /** The client's share of the host's CPU: {@code 12%}; {@code -} when unknown. */
  static String clientCpu(RunResult run) {
    return run.client().processors() == 0 ? "-" : Math.round(100 * run.clientShare()) + "%";
  }

  /**
   * How far apart the repetitions' records/s were, relative to the reported one: {@code 12%};
   * {@code -} for one.
   */
  static String spread(RunResult run) {
    double spread = run.spread();
    return Double.isNaN(spread) ? "-" : Math.round(100 * spread) + "%";
  }

  /** {@code 200:812 503:4}. */
  static String outcomes(Map<String, Long> byStatus) {
    return byStatus.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
