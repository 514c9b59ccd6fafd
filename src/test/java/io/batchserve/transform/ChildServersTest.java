package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.Json;
import io.batchserve.testing.Await;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.run.JobOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child server processes: environment, spreading files over instances, restarts of a dead server,
 * start-up failure.
 */
class ChildServersTest {
  @TempDir Path dir;

  private Harness harness() throws Exception {
    Files.createDirectories(dir.resolve("model"));
    return Harness.children(
        new ServerCommand(
            FakeServerMain.class.getName(),
            dir.resolve("model"),
            List.of("-Xmx64m", "-XX:TieredStopAtLevel=1")));
  }

  private String lines(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> i + "\n").collect(Collectors.joining());
  }

  private void input(String name, String text) throws Exception {
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("in").resolve(name), text);
  }

  @Test
  void start_givesTheServiceEnvironment_onlyTheBatchVariablesTheJobSets() throws Exception {
    input("a.csv", "1\n");
    Harness harness = harness();
    var request =
        Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
            .set("MaxPayloadInMB", 2)
            .putEnvironment(Map.of("FOO", "bar"));
    JobOutcome outcome = harness.run(request);
    assertTrue(outcome.completed(), harness.log());
    assertEquals(
        "{FOO=bar, SAGEMAKER_BATCH=true, SAGEMAKER_BATCH_STRATEGY=MULTI_RECORD, "
            + "SAGEMAKER_MAX_PAYLOAD_IN_MB=2}",
        Files.readString(dir.resolve("model/env-1.txt")));
    assertTrue(Files.exists(dir.resolve("out/logs/instance-1.log")));
  }

  @Test
  void run_twoInstances_eachObjectGoesToOneInstance() throws Exception {
    for (int i = 1; i <= 4; i++) {
      input("f" + i + ".csv", "f" + i + "\n");
    }
    Harness harness = harness();
    var request =
        Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
            .set("TransformResources.InstanceCount", 2);
    assertTrue(harness.run(request).completed(), harness.log());
    try (var logs = Files.list(dir.resolve("model"))) {
      List<String> perInstance =
          logs.filter(p -> p.getFileName().toString().startsWith("requests-"))
              .sorted()
              .map(p -> read(p))
              .toList();
      assertEquals(2, perInstance.size());
      assertEquals(
          List.of("f1\nf3\n", "f2\nf4\n"),
          perInstance.stream()
              .map(s -> s.lines().sorted().collect(Collectors.joining("\n", "", "\n")))
              .sorted()
              .toList());
    }
  }

  @Test
  void run_serverDiesMidJob_isRestartedAndNoRecordIsLostOrWrittenTwice() throws Exception {
    input("a.csv", lines(1, 30));
    Files.createDirectories(dir.resolve("model"));
    Files.writeString(dir.resolve("model/die-after"), "4");
    Harness harness = harness();
    var request =
        Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
            .set("BatchStrategy", "SingleRecord")
            .set("MaxConcurrentTransforms", 2)
            .set("ModelClientConfig.InvocationsMaxRetries", 1);
    JobOutcome outcome = harness.run(request);
    assertTrue(outcome.completed(), harness.log());
    String expected =
        IntStream.rangeClosed(1, 30).mapToObj(i -> "r:" + i + "\n").collect(Collectors.joining());
    assertEquals(expected, Files.readString(dir.resolve("out/a.csv.out")));
    assertTrue(Files.exists(dir.resolve("model/env-2.txt")), "restarted once");
    var job = Json.MAPPER.readTree(dir.resolve("out/job.json").toFile());
    assertEquals(1, job.at("/Harness/Settings/ServerRestarts").asInt());
    String log = harness.log();
    assertTrue(
        log.matches(
            "(?s).*instance-1 \\(http://127\\.0\\.0\\.1:\\d+\\) exited with code 1; restarting it"
                + " \\(restart 1 of 3\\) and resending the [12] request\\(s\\) it had in flight\\."
                + " Its log: .*instance-1\\.log.*"),
        log);
    assertTrue(log.contains("instance-1 restarted on http://127.0.0.1:"), log);
  }

  @Test
  void start_serverExitsAtOnce_failsTheJobNamingTheLog() throws Exception {
    input("a.csv", "1\n");
    Files.createDirectories(dir.resolve("model"));
    Files.writeString(dir.resolve("model/exit-at-start"), "");
    Harness harness = harness();
    JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
    assertEquals("Failed", outcome.status().apiName());
    assertTrue(
        outcome.failureReason().contains("exited before answering /ping"), outcome.failureReason());
    assertTrue(outcome.failureReason().contains("instance-1.log"), outcome.failureReason());
    assertFalse(Files.exists(dir.resolve("out/a.csv.out")));
    assertTrue(Files.exists(dir.resolve("out/job.json")));
  }

  @Test
  void sigtermToTheHarness_stopsItsChildServers() throws Exception {
    input("a.csv", lines(1, 50));
    Files.createDirectories(dir.resolve("model"));
    Files.writeString(dir.resolve("model/delay-ms"), "200");
    Files.writeString(
        dir.resolve("model/xgboost-model"), ""); // looks like a model to the harness's check
    Process harness =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.batchserve.cli.Main",
                "transform",
                "--input",
                dir.resolve("in").toString(),
                "--output",
                dir.resolve("out").toString(),
                "--content-type",
                "text/csv",
                "--split-type",
                "Line",
                "--batch-strategy",
                "SingleRecord",
                "--model-dir",
                dir.resolve("model").toString(),
                "--server-main",
                FakeServerMain.class.getName(),
                "--progress",
                "none",
                "--s3-data-type",
                "S3Prefix",
                "--instance-type",
                "ml.m5.xlarge",
                "--instance-count",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("harness.log").toFile())
            .start();
    try {
      Await.until(this::anyRequestLogged, "the child server logged a request");
      long child = Long.parseLong(Files.readString(dir.resolve("model/pid-1")).trim());
      assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
      harness.destroy();
      assertTrue(harness.waitFor(30, TimeUnit.SECONDS));
      assertFalse(
          ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child still running");
      // A fixed wait on purpose: what is checked is that nothing starts late, an event with nothing
      // to await.
      Thread.sleep(500);
      try (var pids = Files.list(dir.resolve("model"))) {
        for (Path pid : pids.filter(p -> p.getFileName().toString().startsWith("pid-")).toList()) {
          long started = Long.parseLong(Files.readString(pid).trim());
          assertFalse(
              ProcessHandle.of(started).map(ProcessHandle::isAlive).orElse(false),
              pid.getFileName() + ": a server started during shutdown is still running");
        }
      }
      assertFalse(Files.exists(dir.resolve("out/a.csv.out")));
    } finally {
      harness.destroyForcibly();
    }
  }

  private boolean anyRequestLogged() {
    try (var files = Files.list(dir.resolve("model"))) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("requests-"));
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
