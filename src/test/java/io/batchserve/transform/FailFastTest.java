package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.cli.Main;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.run.JobOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that cannot start says why within seconds (a functional bound of 10 s on the harness's own
 * clock, never a benchmark): a model directory that is not one, a real child server whose model
 * fails to load, an endpoint where nothing listens. The summary of a job that sent nothing has no
 * times or latencies.
 */
class FailFastTest {
  private static final long LIMIT = TimeUnit.SECONDS.toNanos(10);
  @TempDir Path dir;

  @Test
  void transform_modelDirTypo_isRefusedBeforeAnyServerStarts() throws Exception {
    new Workspace(dir).in("a.csv", "1\n");
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    long start = System.nanoTime();
    int exit =
        cli.execute(
            "transform",
            "--model-dir",
            dir.resolve("modle").toString(),
            "--input",
            dir.resolve("in") + "/",
            "--s3-data-type",
            "S3Prefix",
            "--output",
            dir.resolve("out").toString(),
            "--instance-type",
            "ml.m5.xlarge",
            "--instance-count",
            "1");
    assertTrue(System.nanoTime() - start < LIMIT);
    assertEquals(2, exit, err.toString());
    assertTrue(
        err.toString()
            .contains("--model-dir: model directory " + dir.resolve("modle") + " does not exist"),
        err.toString());
    assertFalse(Files.exists(dir.resolve("out")), "nothing ran");
  }

  @Test
  void transform_folderHoldingOnlyAnArchive_saysToPassTheArchive() throws Exception {
    Files.createDirectories(dir.resolve("m"));
    Files.write(dir.resolve("m/model.tar.gz"), new byte[] {31, -117});
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit =
        cli.execute(
            "transform",
            "--job",
            "test/jobs/churn.json",
            "--model-dir",
            dir.resolve("m").toString());
    assertEquals(2, exit);
    assertTrue(
        err.toString()
            .contains("holds a model.tar.gz and no unpacked model: pass the archive itself"),
        err.toString());
  }

  @Test
  void run_realServerWhoseModelFailsToLoad_failsAtOnceQuotingItsLog() throws Exception {
    new Workspace(dir).in("a.csv", "1\n");
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.writeString(
        model.resolve("batchserve-model.json"),
        "{\"name\": \"m\", \"kind\": \"nonsense\", "
            + "\"artifact\": \"xgboost-model\", \"features\": [{\"name\": \"f\"}]}");
    Harness harness =
        Harness.children(new ServerCommand(ServerCommand.DEFAULT_MAIN, model, List.of()));
    long start = System.nanoTime();
    JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
    assertTrue(
        System.nanoTime() - start < LIMIT, "took " + (System.nanoTime() - start) / 1e9 + " s");
    assertEquals("Failed", outcome.status().apiName());
    String reason = outcome.failureReason();
    assertTrue(
        reason.contains("instance-1 (log: ") && reason.contains("could not load its model"),
        reason);
    assertTrue(reason.contains("unknown kind 'nonsense'"), reason);
    assertTrue(reason.contains("the end of its log:"), reason);
    assertTrue(harness.log().contains("no request was sent"), harness.log());
    assertFalse(harness.log().contains("request latency"), harness.log());
  }

  @Test
  void run_endpointWithNothingListening_failsWithinSeconds() throws Exception {
    new Workspace(dir).in("a.csv", "1\n");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Harness harness = Harness.endpoints(URI.create("http://127.0.0.1:" + port));
    long start = System.nanoTime();
    JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
    assertTrue(
        System.nanoTime() - start < LIMIT, "took " + (System.nanoTime() - start) / 1e9 + " s");
    assertEquals("Failed", outcome.status().apiName());
    assertTrue(
        outcome
            .failureReason()
            .contains(
                "nothing is listening at http://127.0.0.1:"
                    + port
                    + " (connection refused for 5 s): start the container, or check the --endpoint"
                    + " URL"),
        outcome.failureReason());
  }
}
