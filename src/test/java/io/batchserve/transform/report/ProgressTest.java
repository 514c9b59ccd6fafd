package io.batchserve.transform.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void line_showsFilesRecordsBytesRateAndEta() {
    JobStats stats = new JobStats();
    stats.filesCompleted.add(1);
    stats.records.add(12_345);
    stats.bytesRead.add(512 * 1024);
    Progress progress = new Progress(stats, 4, 2 * 1024 * 1024, Progress.Mode.NONE, System.out);
    String line = progress.line();
    assertTrue(
        line.startsWith(
            "[######..................]  25% files 1/4, records 12,345, 512.0 KiB of 2.0 MiB, "),
        line);
    assertTrue(line.matches(".*records/s, ETA \\d+s"), line);
  }

  @Test
  void close_onATerminal_redrawsInPlaceAndEndsTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JobStats stats = new JobStats();
    new Progress(
            stats, 1, 10, Progress.Mode.BAR, new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .close();
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(shown.startsWith("\r[") && shown.endsWith("\n"), shown);
  }

  @Test
  void summary_namesCountsThroughputAndPercentiles() {
    JobStats stats = new JobStats();
    stats.answered(200, 5_000_000);
    stats.answered(200, 7_000_000);
    stats.retried();
    String text = Summary.text("Completed", stats);
    assertTrue(text.contains("in 2 requests (1 retries)"), text);
    assertTrue(text.contains("request latency p50 5.0 ms, p90 7.0 ms, p99 7.0 ms"), text);
  }
}
