package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.Json;
import io.batchserve.transform.FakeContainer.Reply;
import io.batchserve.transform.run.JobOutcome;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole jobs against the scriptable fake container. */
class TransformJobTest {
  @TempDir Path dir;

  private Workspace ws() {
    return new Workspace(dir);
  }

  @Test
  void run_multiRecordCsv_writesOneLinePerRecordInOrderWithJobJson() throws Exception {
    ws().in("a.csv", "1,2\n3,4\n5,6\n");
    ws().in("sub/b.csv", "7,8");
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      Harness harness = Harness.endpoints(fake.uri());
      JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
      assertTrue(outcome.completed(), harness.log());
      assertEquals("r:1,2\nr:3,4\nr:5,6\n", ws().out("a.csv.out"));
      assertEquals("r:7,8\n", ws().out("sub/b.csv.out"));
      assertEquals(2, fake.requests().size());
      assertEquals("text/csv", fake.requests().get(0).contentType());
      var job = Json.MAPPER.readTree(dir.resolve("out/job.json").toFile());
      assertEquals("Completed", job.get("TransformJobStatus").asText());
      assertEquals(1, job.get("MaxConcurrentTransforms").asInt());
      assertEquals(6, job.get("MaxPayloadInMB").asInt());
      assertEquals("MultiRecord", job.get("BatchStrategy").asText());
    }
  }

  @Test
  void run_wrongRecordCount_failsThatFileOnlyAndLeavesNoOut() throws Exception {
    ws().in("bad.csv", "1\n2\n");
    ws().in("good.csv", "3\n");
    try (FakeContainer fake =
        FakeContainer.start(
            r -> r.text().startsWith("1") ? Reply.ok("x\n") : FakeContainer.ECHO.reply(r))) {
      Harness harness = Harness.endpoints(fake.uri());
      JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
      assertEquals("Failed", outcome.status().apiName());
      assertTrue(
          outcome.failureReason().contains("holds 1 record(s) for a request of 2"),
          outcome.failureReason());
      assertFalse(Files.exists(dir.resolve("out/bad.csv.out")));
      assertEquals("r:3\n", ws().out("good.csv.out"));
      try (var files = Files.list(dir.resolve("out"))) {
        assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
      }
    }
  }

  @Test
  void run_gzipInput_isDecompressedAndNamedWithGzOut() throws Exception {
    Path file = dir.resolve("in/a.csv.gz");
    Files.createDirectories(file.getParent());
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write("1\n2\n".getBytes(StandardCharsets.UTF_8));
    }
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      var request =
          Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
              .set("TransformInput.CompressionType", "Gzip");
      assertTrue(Harness.endpoints(fake.uri()).run(request).completed());
      assertEquals("r:1\nr:2\n", ws().out("a.csv.gz.out"));
    }
  }

  @Test
  void run_executionParametersWithEitherSpelling_winOverDefaultsButNotOverTheJob()
      throws Exception {
    ws().in("a.csv", "1\n2\n3\n");
    for (String spelling : new String[] {"SINGLE_RECORD", "SingleRecord"}) {
      String params =
          "{\"MaxConcurrentTransforms\":3,\"BatchStrategy\":\""
              + spelling
              + "\",\"MaxPayloadInMB\":2}";
      try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO, params)) {
        var request = Harness.csvLines(dir.resolve("in"), dir.resolve("out" + spelling));
        request.tree();
        var withoutStrategy =
            Harness.job(dir.resolve("in"), dir.resolve("out" + spelling))
                .set("TransformInput.ContentType", "text/csv")
                .set("TransformInput.SplitType", "Line")
                .set("TransformOutput.AssembleWith", "Line")
                .set("MaxPayloadInMB", 1);
        JobOutcome outcome = Harness.endpoints(fake.uri()).run(withoutStrategy);
        assertTrue(outcome.completed());
        assertEquals(3, fake.requests().size(), "SingleRecord from /execution-parameters");
        var job = Json.MAPPER.readTree(dir.resolve("out" + spelling + "/job.json").toFile());
        assertEquals(3, job.get("MaxConcurrentTransforms").asInt());
        assertEquals(1, job.get("MaxPayloadInMB").asInt());
        assertEquals("job", job.at("/Harness/Settings/SettingSources/MaxPayloadInMB").asText());
      }
    }
  }

  @Test
  void run_concurrency_neverExceedsMaxConcurrentTransforms() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      lines.append(i).append('\n');
    }
    ws().in("a.csv", lines.toString());
    ws().in("b.csv", lines.toString());
    try (FakeContainer fake = FakeContainer.start(r -> FakeContainer.ECHO.reply(r).after(20))) {
      var request =
          Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
              .set("BatchStrategy", "SingleRecord")
              .set("MaxConcurrentTransforms", 3);
      assertTrue(Harness.endpoints(fake.uri()).run(request).completed());
      assertEquals(80, fake.requests().size());
      assertTrue(fake.maxInFlight() <= 3, "in flight: " + fake.maxInFlight());
      assertTrue(fake.maxInFlight() >= 2, "in flight: " + fake.maxInFlight());
      assertEquals(
          lines.toString().lines().map(l -> "r:" + l + "\n").reduce("", String::concat),
          ws().out("a.csv.out"));
    }
  }

  @Test
  void run_skipExisting_rerunsOnlyFilesWithoutOut() throws Exception {
    ws().in("a.csv", "1\n");
    ws().in("b.csv", "2\n");
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/a.csv.out"), "kept\n");
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      Harness harness = Harness.endpoints(fake.uri());
      harness.skipExisting = true;
      JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
      assertTrue(outcome.completed());
      assertEquals(1, fake.requests().size());
      assertEquals("kept\n", ws().out("a.csv.out"));
      assertEquals("r:2\n", ws().out("b.csv.out"));
      assertEquals(1, outcome.stats().filesSkipped.sum());
    }
  }

  @Test
  void run_emptyFileAndNoneSplit_sendsNoEmptyRequest() throws Exception {
    ws().in("empty.bin", "");
    ws().in("whole.bin", "abc\ndef");
    try (FakeContainer fake = FakeContainer.start(r -> Reply.ok("[" + r.text() + "]"))) {
      var request = Harness.job(dir.resolve("in"), dir.resolve("out"));
      assertTrue(Harness.endpoints(fake.uri()).run(request).completed());
      assertEquals(1, fake.requests().size());
      assertEquals("", ws().out("empty.bin.out"));
      assertEquals("[abc\ndef]", ws().out("whole.bin.out"));
    }
  }

  @Test
  void run_wholeObjectOverPayload_failsWithClearMessage() throws Exception {
    ws().in("big.bin", "x".repeat(1_100_000));
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      Harness harness = Harness.endpoints(fake.uri());
      JobOutcome outcome =
          harness.run(Harness.job(dir.resolve("in"), dir.resolve("out")).set("MaxPayloadInMB", 1));
      assertEquals("Failed", outcome.status().apiName());
      assertTrue(
          outcome.failureReason().contains("over the MaxPayloadInMB limit of 1048576 bytes"),
          outcome.failureReason());
      assertEquals(0, fake.requests().size());
    }
  }

  @Test
  void run_twoEndpoints_spreadObjectsOneObjectPerInstance() throws Exception {
    for (int i = 1; i <= 4; i++) {
      ws().in("f" + i + ".csv", i + "\n" + i + "\n");
    }
    try (FakeContainer a = FakeContainer.start(FakeContainer.ECHO);
        FakeContainer b = FakeContainer.start(FakeContainer.ECHO)) {
      var request =
          Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
              .set("TransformResources.InstanceCount", 2)
              .set("BatchStrategy", "SingleRecord");
      assertTrue(Harness.endpoints(a.uri(), b.uri()).run(request).completed());
      assertEquals(
          List.of("1", "1", "3", "3"),
          a.requests().stream().map(r -> r.text().strip()).sorted().toList());
      assertEquals(
          List.of("2", "2", "4", "4"),
          b.requests().stream().map(r -> r.text().strip()).sorted().toList());
      assertEquals("r:4\nr:4\n", ws().out("f4.csv.out"));
    }
  }
}
