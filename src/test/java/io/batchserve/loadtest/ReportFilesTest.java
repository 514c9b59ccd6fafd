package io.batchserve.loadtest;

import static io.batchserve.loadtest.Fixtures.closed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.loadtest.report.JsonFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir
  Path dir;

  private static LoadTestReport report() {
    List<RunResult> runs = List.of(closed(1, 1, 50_000, 100, 0), closed(1, 2, 80_000, 150, 0),
        closed(6, 1, 90_000, 400, 0), closed(6, 2, 95_000, 700, 2));
    return new LoadTestReport("Load test <churn>", "java -jar target/batchserve.jar loadtest --url x", "2026-01-01",
        Map.of("processors", "2"), Map.of("records", "5,000"), "{\"MaxPayloadInMB\":6}", runs, List.of(),
        Recommender.recommend(runs, new LoadSettings.Criteria(1000, 0.05, 0.2)));
  }

  @Test
  void write_jsonHtmlPng_selfContainedAndReadable() throws Exception {
    List<Path> files = ReportFiles.write(report(), dir, "churn");

    assertEquals(List.of(dir.resolve("churn.json"), dir.resolve("churn.html"), dir.resolve("churn.png")), files);
    var json = JsonFiles.read(dir.resolve("churn.json"));
    assertEquals(6, json.path("recommendation").path("maxPayloadInMB").asInt());
    assertEquals(4, json.path("runs").size());
    assertEquals(95_000, json.path("runs").get(3).path("throughput").path("recordsPerSecond").asDouble());

    String html = Files.readString(dir.resolve("churn.html"));
    assertTrue(html.contains("<title>Load test &lt;churn&gt;</title>"), html);
    assertEquals(2, html.split("<svg ", -1).length - 1);
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no external reference");

    BufferedImage png = ImageIO.read(dir.resolve("churn.png").toFile());
    assertEquals(1280, png.getWidth());
    assertEquals(420, png.getHeight());
  }

  @Test
  void charts_closedAndOpenRuns_oneSeriesPerPayload() {
    RunResult open = new RunResult("open", Payload.MULTI_RECORD, 6, 64, 5, 10, closed(6, 1, 1, 1, 0).counts(),
        closed(6, 1, 1, 1, 0).latency(), closed(6, 1, 1, 1, 0).throughput(), List.of(), List.of(1.0));
    List<RunResult> runs = new java.util.ArrayList<>(report().runs());
    runs.add(open);

    var charts = ReportFiles.charts(runs);

    assertEquals(4, charts.size());
    assertEquals(List.of("1 MB", "6 MB"), charts.get(0).series().stream().map(s -> s.name()).toList());
    assertEquals(2, charts.get(0).series().get(1).points().size());
    assertEquals(1, charts.get(2).series().size());
    assertEquals(2, ReportFiles.charts(List.of(open)).size());
  }
}
