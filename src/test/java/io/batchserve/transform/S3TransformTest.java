package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.cli.Main;
import io.batchserve.testing.LocalS3;
import io.batchserve.transform.FakeContainer.Reply;
import io.batchserve.transform.job.JobRequest;
import io.batchserve.transform.run.JobOutcome;
import io.batchserve.transform.source.Multipart;
import io.batchserve.transform.source.Stores;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Inputs and outputs on the real S3 API, through an embedded S3Proxy. */
class S3TransformTest {
  private static LocalS3 local;
  private static S3Client s3;
  private static URI endpoint;

  @BeforeAll
  static void startS3() throws Exception {
    local = LocalS3.start();
    endpoint = local.endpoint();
    s3 = local.client();
    s3.createBucket(b -> b.bucket("data"));
    put("batch/test/a.csv", "1\n2\n");
    put("batch/test/nested/b.csv", "3\n");
    put("batch/test_small_sample/c.csv", "4\n");
    put("batch/test/", "");
    put("batch/gz/a.csv.gz", gzip("5\n6\n"));
    put("batch/gz/b.csv.gz", gzip("7\n"));
    put(
        "batch/manifest.json",
        "[{\"prefix\": \"s3://data/batch/\"}, \"test/a.csv\", \"test/nested/b.csv\"]");
    put("dots/ok.csv", "8\n");
    put("dots/../escape.csv", "9\n");
    put("dots/manifest.json", "[{\"prefix\": \"s3://data/dots/\"}, \"ok.csv\", \"../escape.csv\"]");
  }

  @AfterAll
  static void stopS3() throws Exception {
    local.close();
  }

  private static void put(String key, String text) {
    put(key, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void put(String key, byte[] bytes) {
    s3.putObject(b -> b.bucket("data").key(key), RequestBody.fromBytes(bytes));
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String get(String key) {
    return s3.getObjectAsBytes(b -> b.bucket("data").key(key)).asUtf8String();
  }

  private static List<String> keys(String prefix) {
    return s3
        .listObjectsV2Paginator(
            ListObjectsV2Request.builder().bucket("data").prefix(prefix).build())
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  private static Harness harness(FakeContainer fake) {
    Harness harness = Harness.endpoints(fake.uri());
    harness.s3 = new Stores.S3Settings(endpoint, true, "us-east-1");
    return harness;
  }

  private static JobRequest job(String in, String out) {
    return Harness.required(in, out)
        .set("TransformJobName", "s3-job")
        .set("ModelName", "m")
        .set("TransformInput.ContentType", "text/csv")
        .set("TransformInput.SplitType", "Line")
        .set("TransformOutput.AssembleWith", "Line");
  }

  @Test
  void prefix_isLiteral_takesSiblingsAndKeepsNestedKeys() throws Exception {
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      JobOutcome outcome = harness(fake).run(job("s3://data/batch/test", "s3://data/out1"));
      assertTrue(outcome.completed());
      assertEquals("r:1\nr:2\n", get("out1/a.csv.out"));
      assertEquals("r:3\n", get("out1/nested/b.csv.out"));
      assertEquals("r:4\n", get("out1/test_small_sample/c.csv.out"), "the literal-prefix trap");
      assertTrue(get("out1/job.json").contains("\"Completed\""));
    }
  }

  @Test
  void prefixWithSlash_takesOnlyThatFolder() throws Exception {
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      assertTrue(harness(fake).run(job("s3://data/batch/test/", "s3://data/out2/")).completed());
      assertEquals(
          List.of("out2/a.csv.out", "out2/job.json", "out2/nested/b.csv.out"), keys("out2/"));
    }
  }

  @Test
  void manifest_readsTheListedObjectsKeyedByTheirEntries() throws Exception {
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      var request =
          job("s3://data/batch/manifest.json", "s3://data/out3")
              .set("TransformInput.DataSource.S3DataSource.S3DataType", "ManifestFile");
      assertTrue(harness(fake).run(request).completed());
      assertEquals(
          List.of("out3/job.json", "out3/test/a.csv.out", "out3/test/nested/b.csv.out"),
          keys("out3/"));
      assertEquals("r:3\n", get("out3/test/nested/b.csv.out"));
    }
  }

  /** S3 never resolves "..": such keys are read and written verbatim under the output prefix. */
  @Test
  void dotDotKeys_toS3Output_areWrittenVerbatimUnderThePrefix() throws Exception {
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      var request =
          job("s3://data/dots/manifest.json", "s3://data/out-dots")
              .set("TransformInput.DataSource.S3DataSource.S3DataType", "ManifestFile");
      assertTrue(harness(fake).run(request).completed());
      assertEquals("r:9\n", get("out-dots/../escape.csv.out"));
      assertEquals("r:8\n", get("out-dots/ok.csv.out"));
    }
  }

  /**
   * A local output never resolves an S3 key's "..": that file fails, naming its key; the others
   * complete.
   */
  @Test
  void dotDotKeys_toLocalOutput_failThatFileOnly(@TempDir Path dir) throws Exception {
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      Harness harness = harness(fake);
      var request =
          job("s3://data/dots/manifest.json", dir.resolve("out").toString())
              .set("TransformInput.DataSource.S3DataSource.S3DataType", "ManifestFile");
      JobOutcome outcome = harness.run(request);
      assertFalse(outcome.completed());
      assertEquals("r:8\n", Files.readString(dir.resolve("out/ok.csv.out")));
      assertTrue(
          harness
              .log()
              .contains(
                  "data/dots/../escape.csv: ClientError: its key '../escape.csv' has a '..' "
                      + "segment: the output would be written outside the output location"),
          harness.log());
      assertFalse(Files.exists(dir.resolve("escape.csv.out")));
    }
  }

  /** The model as SageMaker users have it in hand: a model.tar.gz at its ModelDataUrl on S3. */
  @Test
  void modelDir_s3ModelTarGz_isDownloadedUnpackedAndServed(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("model.tar.gz");
    assertEquals(
        0,
        new ProcessBuilder("tar", "-czf", archive.toString(), "-C", "model/churn", ".")
            .start()
            .waitFor());
    s3.putObject(
        b -> b.bucket("data").key("models/churn/model.tar.gz"), RequestBody.fromFile(archive));
    var cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int exit =
        cli.execute(
            "transform",
            "--job",
            "test/jobs/churn.json",
            "--model-dir",
            "s3://data/models/churn/model.tar.gz",
            "--endpoint-url",
            endpoint.toString(),
            "--output",
            dir.resolve("out").toString(),
            "--progress",
            "none");
    assertEquals(0, exit, err.toString());
    exit =
        cli.execute(
            "transform",
            "--job",
            "test/jobs/churn.json",
            "--model-dir",
            "model/churn",
            "--output",
            dir.resolve("folder-out").toString(),
            "--progress",
            "none");
    assertEquals(0, exit, err.toString());
    for (String file : List.of("customers-001.csv.out", "customers-002.csv.out")) {
      assertEquals(
          Files.readString(dir.resolve("folder-out").resolve(file)),
          Files.readString(dir.resolve("out").resolve(file)),
          file);
    }
    exit =
        cli.execute(
            "transform",
            "--job",
            "test/jobs/churn.json",
            "--model-dir",
            archive.toString(),
            "--output",
            dir.resolve("archive-out").toString(),
            "--progress",
            "none");
    assertEquals(0, exit, err.toString());
    assertEquals(
        Files.readString(dir.resolve("folder-out/customers-001.csv.out")),
        Files.readString(dir.resolve("archive-out/customers-001.csv.out")));
  }

  @Test
  void gzip_isDecompressedAndAFailedFileLeavesNoObject() throws Exception {
    try (FakeContainer fake =
        FakeContainer.start(
            r ->
                r.text().startsWith("7")
                    ? Reply.status(400, "bad")
                    : FakeContainer.ECHO.reply(r))) {
      var request =
          job("s3://data/batch/gz/", "s3://data/out4")
              .set("TransformInput.CompressionType", "Gzip");
      Harness harness = harness(fake);
      JobOutcome outcome = harness.run(request);
      assertEquals("Failed", outcome.status().apiName());
      assertEquals(List.of("out4/a.csv.gz.out", "out4/job.json"), keys("out4/"));
      assertEquals("r:5\nr:6\n", get("out4/a.csv.gz.out"));
      assertTrue(harness.log().contains("data/batch/gz/b.csv.gz: ClientError: 400"), harness.log());
      assertTrue(get("out4/job.json").contains("\"Failed\""));
    }
  }

  @Test
  void largeOutput_goesUpInPartsAndLeavesNoUploadBehind() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1_100_000; i++) {
      text.append(100_000_000 + i).append('\n');
    }
    put("batch/big/input.csv", text.toString());
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      Harness harness = harness(fake);
      harness.s3 =
          new Stores.S3Settings(endpoint, true, "us-east-1", new Multipart(5L << 20, 5L << 20));
      assertTrue(
          harness.run(job("s3://data/batch/big/", "s3://data/out6")).completed(), harness.log());
    }
    String out = get("out6/input.csv.out");
    assertEquals(
        1_100_000 * 12, out.length(), "every line, once, in order: 3 parts of at most 5 MiB");
    assertTrue(out.startsWith("r:100000000\nr:100000001\n") && out.endsWith("r:101099999\n"));
    assertEquals(List.of(), s3.listMultipartUploads(b -> b.bucket("data")).uploads());
  }

  @Test
  void gzipFlagOnPlainObjects_failsEachFileClearly() throws Exception {
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      var request =
          job("s3://data/batch/test/a", "s3://data/out5")
              .set("TransformInput.CompressionType", "Gzip");
      Harness harness = harness(fake);
      assertFalse(harness.run(request).completed());
      assertTrue(
          harness.log().contains("data/batch/test/a.csv: Not in GZIP format"), harness.log());
      assertEquals(List.of("out5/job.json"), keys("out5/"));
    }
  }
}
