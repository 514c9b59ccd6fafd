package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Chart;
import io.batchserve.loadtest.report.Charts;
import io.batchserve.loadtest.report.Html;
import io.batchserve.loadtest.report.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes a load test report as {@code NAME.json}, a self-contained {@code NAME.html} (tables and inline SVG charts)
 * and {@code NAME.png} (the same charts).
 */
public final class ReportFiles {
  private static final ToDoubleFunction<RunResult> P99 = run -> run.latency().p99();

  private ReportFiles() {}

  /** Returns the files written. */
  public static List<Path> write(LoadTestReport report, Path directory, String name) throws IOException {
    Path json = directory.resolve(name + ".json");
    Path html = directory.resolve(name + ".html");
    Path png = directory.resolve(name + ".png");
    JsonFiles.write(report, json);
    List<Chart> charts = charts(report.runs());
    Files.writeString(html, html(report, charts));
    Charts.writePng(charts, 2, png);
    return List.of(json, html, png);
  }

  /** Records/s and p99 against concurrency (closed loop) and against the offered rate (open loop), a line per payload. */
  static List<Chart> charts(List<RunResult> runs) {
    List<RunResult> closed = runs.stream().filter(RunResult::closed).toList();
    List<RunResult> open = runs.stream().filter(run -> !run.closed()).toList();
    List<Chart> charts = new ArrayList<>();
    String inFlight = "requests in flight (MaxConcurrentTransforms)";
    String offered = "offered rate (requests per second)";
    if (!closed.isEmpty()) {
      charts.add(new Chart("Throughput", inFlight, "records per second", true,
          series(closed, RunResult::concurrency, run -> run.throughput().recordsPerSecond())));
      charts.add(latency("p99 latency", inFlight, true, series(closed, RunResult::concurrency, P99)));
    }
    if (!open.isEmpty()) {
      charts.add(new Chart("Open loop: throughput", offered, "records per second", false,
          series(open, RunResult::rate, run -> run.throughput().recordsPerSecond())));
      charts.add(latency("Open loop: p99 latency from the due time", offered, false,
          series(open, RunResult::rate, P99)));
    }
    return charts;
  }

  /** A latency chart in ms, or in seconds when its values go past 5 s. */
  private static Chart latency(String title, String xLabel, boolean logX, List<Chart.Series> ms) {
    double max = ms.stream().flatMap(s -> s.points().stream()).mapToDouble(Chart.Point::y).max().orElse(0);
    if (max <= 5000) {
      return new Chart(title, xLabel, "p99 latency (ms)", logX, ms);
    }
    List<Chart.Series> seconds = ms.stream().map(s -> new Chart.Series(s.name(), s.points().stream()
        .map(p -> new Chart.Point(p.x(), p.y() / 1000)).toList())).toList();
    return new Chart(title, xLabel, "p99 latency (s)", logX, seconds);
  }

  private static List<Chart.Series> series(List<RunResult> runs, ToDoubleFunction<RunResult> x,
      ToDoubleFunction<RunResult> y) {
    Map<String, List<Chart.Point>> byPayload = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String name = run.strategy().equals(Payload.SINGLE_RECORD) ? Payload.SINGLE_RECORD : run.payloadMb() + " MB";
      byPayload.computeIfAbsent(name, k -> new ArrayList<>()).add(new Chart.Point(x.applyAsDouble(run),
          y.applyAsDouble(run)));
    }
    return byPayload.entrySet().stream().map(e -> new Chart.Series(e.getKey(), e.getValue())).toList();
  }

  static String html(LoadTestReport report, List<Chart> charts) {
    Html page = new Html(report.title());
    page.paragraph("Started " + report.startedAt() + ". Server's /execution-parameters: " + report.server() + ".");
    page.heading(2, "Recommendation").code(RecommendationText.of(report.recommendation()));
    page.charts(charts);
    page.heading(2, "Runs").table(RunTable.HEADERS, report.runs().stream().map(RunTable::cells).toList());
    if (!report.skipped().isEmpty()) {
      page.paragraph("Skipped:").list(report.skipped());
    }
    List<String> errors = report.runs().stream()
        .flatMap(run -> run.errors().stream().map(error -> run.label() + ": " + error)).toList();
    if (!errors.isEmpty()) {
      page.heading(2, "Error answers (first of each kind)").list(errors);
    }
    page.heading(2, "Settings").keyValues(report.settings());
    page.heading(2, "Machine").keyValues(report.machine());
    page.heading(2, "Command").code(report.command());
    page.paragraph("Latency is measured from the send (open loop: from when the request was due) to the last byte "
        + "of a 2xx answer; failed requests are counted by status. 1 MB = 1,048,576 bytes.");
    return page.page();
  }
}
