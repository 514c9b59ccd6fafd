package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Chart;
import io.batchserve.loadtest.report.Charts;
import io.batchserve.loadtest.report.Html;
import io.batchserve.loadtest.report.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a load test report as {@code NAME.json}, a self-contained {@code NAME.html} (tables and
 * inline SVG charts) and {@code NAME.png} (the same charts).
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Returns the files written. */
  public static List<Path> write(LoadTestReport report, Path directory, String name)
      throws IOException {
    Path json = directory.resolve(name + ".json");
    Path html = directory.resolve(name + ".html");
    Path png = directory.resolve(name + ".png");
    JsonFiles.write(report, json);
    List<Chart> charts = ReportCharts.of(report);
    Files.writeString(html, html(report, charts));
    Charts.writePng(charts, 2, png);
    return List.of(json, html, png);
  }

  static String html(LoadTestReport report, List<Chart> charts) {
    Html page = new Html(report.title());
    page.paragraph(
        "Started "
            + report.startedAt()
            + ". Server's /execution-parameters: "
            + report.server()
            + ".");
    page.heading(2, "Recommendation").code(RecommendationText.of(report.recommendation()));
    page.charts(charts);
    page.heading(2, "Runs")
        .table(RunTable.HEADERS, report.runs().stream().map(RunTable::cells).toList());
    if (!report.skipped().isEmpty()) {
      page.paragraph("Skipped:").list(report.skipped());
    }
    List<String> errors =
        report.runs().stream()
            .flatMap(run -> run.errors().stream().map(error -> run.label() + ": " + error))
            .toList();
    if (!errors.isEmpty()) {
      page.heading(2, "Error answers (first of each kind)").list(errors);
    }
    page.heading(2, "Settings").keyValues(report.settings());
    page.heading(2, "Machine").keyValues(report.machine());
    page.heading(2, "Command").code(report.command());
    page.paragraph(
        "Latency is measured from the send (open loop: from when the request was due) to the last"
            + " byte of a 2xx answer; failed requests are counted by status. 1 MB = 1,048,576"
            + " bytes.");
    return page.page();
  }
}
