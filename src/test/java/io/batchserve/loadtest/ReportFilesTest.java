package io.batchserve.loadtest;

import static io.batchserve.loadtest.Fixtures.closed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.loadtest.report.Chart;
import io.batchserve.loadtest.report.JsonFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir Path dir;

  private static LoadTestReport report() {
    List<RunResult> runs =
        List.of(
            closed(1, 1, 50_000, 100, 0),
            closed(1, 2, 80_000, 150, 0),
            closed(6, 1, 90_000, 400, 0),
            closed(6, 2, 95_000, 700, 2));
    return new LoadTestReport(
        "Load test <churn>",
        "java -jar target/batchserve.jar loadtest --url x",
        "2026-01-01",
        Map.of("processors", "2"),
        Map.of("records", "5,000"),
        "{\"MaxPayloadInMB\":6}",
        runs,
        List.of(),
        Recommender.recommend(runs, new LoadSettings.Criteria(1000, 0.05, 0.2)));
  }

  @Test
  void write_jsonHtmlPng_selfContainedAndReadable() throws Exception {
    List<Path> files = ReportFiles.write(report(), dir, "churn");

    assertEquals(
        List.of(dir.resolve("churn.json"), dir.resolve("churn.html"), dir.resolve("churn.png")),
        files);
    var json = JsonFiles.read(dir.resolve("churn.json"));
    assertEquals(6, json.path("recommendation").path("maxPayloadInMB").asInt());
    assertEquals(4, json.path("runs").size());
    assertEquals(
        95_000, json.path("runs").get(3).path("throughput").path("recordsPerSecond").asDouble());

    String html = Files.readString(dir.resolve("churn.html"));
    assertTrue(html.contains("<title>Load test &lt;churn&gt;</title>"), html);
    assertEquals(5, html.split("<svg ", -1).length - 1);
    assertTrue(html.contains(">recommended: 6 MB x 1</text>"), "the recommended point is labelled");
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(
        html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no external reference");

    BufferedImage png = ImageIO.read(dir.resolve("churn.png").toFile());
    assertEquals(1280, png.getWidth());
    assertEquals(3 * 420, png.getHeight());
  }

  @Test
  void charts_closedAndOpenRuns_oneSeriesPerPayload() {
    RunResult open =
        new RunResult(
            "open",
            PayloadBodies.MULTI_RECORD,
            6,
            64,
            5,
            10,
            closed(6, 1, 1, 1, 0).counts(),
            closed(6, 1, 1, 1, 0).latency(),
            closed(6, 1, 1, 1, 0).throughput(),
            List.of(),
            List.of(1.0));
    List<RunResult> runs = new ArrayList<>(report().runs());
    runs.add(open);

    var charts = ReportCharts.of(withRuns(report(), runs));

    assertEquals(7, charts.size());
    assertEquals(
        List.of("1 MB", "6 MB"), charts.get(0).series().stream().map(s -> s.name()).toList());
    assertEquals(2, charts.get(0).series().get(1).points().size());
    assertEquals(1, charts.get(5).series().size());
    assertEquals(2, ReportCharts.of(withRuns(report(), List.of(open))).size());
  }

  @Test
  void charts_repeatsAndRecommendation_drawBarsAMarkedPointAndTheTail() {
    List<RunResult> runs =
        List.of(
            withPictures(closed(2, 1, 1000, 40, 0), List.of(900.0, 1000.0, 1300.0)),
            withPictures(closed(2, 2, 1900, 60, 0), List.of(1700.0, 1900.0, 2000.0)));
    LoadTestReport report = withRuns(report(), runs);
    report =
        new LoadTestReport(
            report.title(),
            report.command(),
            "2026-12-01T03:50:00Z",
            report.machine(),
            report.settings(),
            report.server(),
            runs,
            List.of(),
            Recommender.recommend(runs, new LoadSettings.Criteria(1000, 0.05, 0.2)));

    var charts = ReportCharts.of(report);

    var rate = charts.get(0);
    assertEquals("Records per second by requests in flight", rate.title());
    assertEquals(
        "Load test <churn>; 2026-12-01T03:50:00Z; 2 processors; median of the repetitions, bars:"
            + " lowest to highest",
        rate.subtitle());
    var point = rate.series().get(0).points().get(0);
    assertEquals(900, point.low());
    assertEquals(1300, point.high());
    assertEquals(List.of(new Chart.Mark(2, 1900, "recommended: 2 MB x 2")), rate.marks());
    assertEquals(60, charts.get(1).marks().get(0).y(), "the p99 chart marks the same setting");
    var tail = charts.get(2);
    assertEquals(Chart.Scale.PERCENTILE, tail.xScale());
    assertEquals("2 MB x 2 (recommended)", tail.series().get(0).name());
    assertEquals(99.9, tail.series().get(0).points().get(2).x());
    assertTrue(
        charts.get(3).title().startsWith("Records per second over time: "), charts.get(3).title());
    assertEquals(3, charts.get(3).series().get(0).points().size(), "one point per second");
  }

  private static RunResult withPictures(RunResult run, List<Double> repeats) {
    return new RunResult(
        run.mode(),
        run.strategy(),
        run.payloadMb(),
        run.concurrency(),
        run.rate(),
        3,
        run.counts(),
        run.latency(),
        run.throughput(),
        run.errors(),
        repeats,
        List.of(
            new RunResult.Percentile(50, 10),
            new RunResult.Percentile(99, 40),
            new RunResult.Percentile(99.9, 55),
            new RunResult.Percentile(100, 60)),
        List.of(
            new RunResult.Second(0, 900, 30),
            new RunResult.Second(1, 1000, 35),
            new RunResult.Second(2, 1100, 40)),
        new RunResult.Client(0.3, 2, 0));
  }

  private static LoadTestReport withRuns(LoadTestReport report, List<RunResult> runs) {
    return new LoadTestReport(
        report.title(),
        report.command(),
        report.startedAt(),
        report.machine(),
        report.settings(),
        report.server(),
        runs,
        report.skipped(),
        report.recommendation());
  }
}
