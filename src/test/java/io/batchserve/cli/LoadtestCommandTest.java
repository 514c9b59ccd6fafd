package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.batchserve.testing.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loadtest} end to end: a real server on a tiny model, started in process, and the report
 * files.
 */
class LoadtestCommandTest {
  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  @Test
  void loadtest_modelDir_sweepsReportsAndRecommends() throws Exception {
    Path model = TinyModels.tabularFolder(dir.resolve("model"), "tiny");
    Path data = Files.writeString(dir.resolve("rows.csv"), "id1,0.5,0.2,0.1\nid2,0.9,0.8,0.3\n");

    int exit =
        cli.run(
            "loadtest",
            "--model-dir",
            model.toString(),
            "--workers",
            "1",
            "--data",
            data.toString(),
            "--drop-first-column",
            "--max-payload-in-mb",
            "1",
            "--max-concurrent-transforms",
            "2",
            "--rate",
            "20",
            "--warmup-seconds",
            "0.2",
            "--duration-seconds",
            "0.5",
            "--max-requests",
            "6",
            "--out",
            dir.toString(),
            "--name",
            "tiny");

    assertEquals(0, exit, cli.err.toString());
    String printed = cli.out.toString();
    assertTrue(printed.contains("BatchStrategy MultiRecord, MaxConcurrentTransforms "), printed);
    assertTrue(
        printed.contains(
            "the server runs in this JVM (--model-dir): client and server share its CPU"),
        printed);
    assertTrue(printed.matches("(?s).*; client \\d+ % of \\d+ CPUs?, .*"), printed);
    JsonNode report = new ObjectMapper().readTree(dir.resolve("tiny.json").toFile());
    assertEquals(3, report.path("runs").size());
    JsonNode counts = report.path("runs").get(0).path("counts");
    assertTrue(counts.path("ok").asInt() >= 1 && counts.path("ok").asInt() <= 6, counts.toString());
    assertEquals(counts.path("requests").asInt(), counts.path("ok").asInt(), counts.toString());
    assertEquals(0, report.path("runs").get(0).path("counts").path("wrongCount").asInt());
    JsonNode client = report.path("runs").get(0).path("client");
    assertTrue(client.path("cpuSeconds").asDouble() > 0, client.toString());
    assertEquals(Runtime.getRuntime().availableProcessors(), client.path("processors").asInt());
    assertTrue(report.path("command").asText().contains("--drop-first-column"));
    assertTrue(Files.size(dir.resolve("tiny.html")) > 1000);
    assertTrue(Files.size(dir.resolve("tiny.png")) > 1000);
  }

  @Test
  void loadtest_remoteUrl_isRefusedBeforeSending() throws Exception {
    Path data = Files.writeString(dir.resolve("rows.csv"), "1,2,3\n");

    int exit = cli.run("loadtest", "--url", "http://203.0.113.5:8080", "--data", data.toString());

    assertEquals(2, exit);
    assertTrue(cli.err.toString().contains("not a loopback address"), cli.err.toString());
  }
}
