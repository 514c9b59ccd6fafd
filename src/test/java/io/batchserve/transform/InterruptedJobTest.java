package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code batchserve transform} process, with child servers that answer slowly, signalled
 * mid-job: SIGINT and SIGTERM stop it cleanly (servers stopped, no partial file left, completed
 * outputs kept, job.json Stopped, exit 130 or 143); after kill -9, a {@code --skip-existing} run
 * removes the partial files and completes the job.
 */
class InterruptedJobTest {
  private static final int FILES = 6;
  @TempDir Path dir;

  @Test
  void transform_sigint_stopsCleanlyWithExit130() throws Exception {
    assertStopsCleanly("INT", 130, "SIGINT");
  }

  @Test
  void transform_sigterm_stopsCleanlyWithExit143() throws Exception {
    assertStopsCleanly("TERM", 143, "SIGTERM");
  }

  @Test
  void transform_killedThenRerunWithSkipExisting_removesPartialsAndCompletes() throws Exception {
    Process job = start(List.of());
    awaitOutputs(job, 1);
    signal(job, "KILL");
    assertTrue(job.waitFor(30, TimeUnit.SECONDS));
    killChildren();
    assertFalse(partials().isEmpty(), "kill -9 leaves the files being written");
    Files.delete(dir.resolve("model/delay-ms"));
    Process rerun = start(List.of("--skip-existing"));
    assertTrue(rerun.waitFor(60, TimeUnit.SECONDS));
    String log = Files.readString(dir.resolve("harness.log"));
    assertEquals(0, rerun.exitValue(), log);
    assertTrue(log.contains("partial output file(s) left by an interrupted run"), log);
    assertEquals(List.of(), partials());
    for (int i = 0; i < FILES; i++) {
      assertEquals("r:" + i + "-a\nr:" + i + "-b\nr:" + i + "-c\n", Files.readString(out(i)));
    }
  }

  private void assertStopsCleanly(String signal, int exitCode, String name) throws Exception {
    Process job = start(List.of());
    awaitOutputs(job, 1);
    List<ProcessHandle> children = job.descendants().toList();
    assertFalse(children.isEmpty(), "child servers are running");
    signal(job, signal);
    assertTrue(job.waitFor(60, TimeUnit.SECONDS), "the harness ends");
    String log = Files.readString(dir.resolve("harness.log"));
    assertEquals(exitCode, job.exitValue(), log);
    assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "child servers stopped");
    assertEquals(List.of(), partials(), "no partial file left");
    assertTrue(log.contains("transform job Stopped: files "), log);
    JsonNode description = Json.MAPPER.readTree(dir.resolve("out/job.json").toFile());
    assertEquals("Stopped", description.get("TransformJobStatus").asText());
    assertTrue(description.get("FailureReason").asText().contains(name), description.toString());
    int completed = 0;
    for (JsonNode file : description.path("Harness").path("Files")) {
      String status = file.get("status").asText();
      assertTrue(status.equals("COMPLETED") || status.equals("STOPPED"), file.toString());
      if (status.equals("COMPLETED")) {
        completed++;
        String input = file.get("input").asText();
        int i =
            Integer.parseInt(input.substring(input.lastIndexOf('-') + 1, input.indexOf(".csv")));
        assertEquals("r:" + i + "-a\nr:" + i + "-b\nr:" + i + "-c\n", Files.readString(out(i)));
      } else {
        assertTrue(file.get("failure").asText().contains("stopped by " + name), file.toString());
      }
    }
    assertEquals(FILES, description.path("Harness").path("Files").size());
    assertTrue(completed >= 1 && completed < FILES, "stopped mid-job: " + completed + " completed");
  }

  /**
   * Six files of three records, one record per request, each answered after 300 ms by a fake child
   * server.
   */
  private Process start(List<String> extra) throws IOException {
    Path model = dir.resolve("model");
    Files.createDirectories(model);
    Files.writeString(model.resolve("delay-ms"), "300");
    Files.writeString(
        model.resolve("xgboost-model"), ""); // looks like a model to the harness's check
    for (int i = 0; i < FILES; i++) {
      Path file = dir.resolve("in/part-" + i + ".csv");
      Files.createDirectories(file.getParent());
      Files.writeString(file, i + "-a\n" + i + "-b\n" + i + "-c\n");
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.batchserve.cli.Main",
                "transform",
                "--server-main",
                FakeServerMain.class.getName(),
                "--model-dir",
                model.toString(),
                "--input",
                dir.resolve("in") + "/",
                "--output",
                dir.resolve("out").toString(),
                "--content-type",
                "text/csv",
                "--split-type",
                "Line",
                "--batch-strategy",
                "SingleRecord",
                "--max-concurrent-transforms",
                "1",
                "--max-payload-in-mb",
                "1",
                "--progress",
                "log",
                "--s3-data-type",
                "S3Prefix",
                "--instance-type",
                "ml.m5.xlarge",
                "--instance-count",
                "1"));
    args.addAll(extra);
    return new ProcessBuilder(args)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(dir.resolve("harness.log").toFile()))
        .start();
  }

  private void awaitOutputs(Process job, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && job.isAlive()) {
      long done = 0;
      for (int i = 0; i < FILES; i++) {
        done += Files.exists(out(i)) ? 1 : 0;
      }
      if (done >= count && !partials().isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no output appeared: " + Files.readString(dir.resolve("harness.log")));
  }

  private Path out(int i) {
    return dir.resolve("out/part-" + i + ".csv.out");
  }

  private List<Path> partials() throws IOException {
    if (!Files.isDirectory(dir.resolve("out"))) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  private static void signal(Process process, String signal) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor());
  }

  /**
   * kill -9 of the harness orphans its children (the JVM's hooks do not run): end them as an
   * operator would.
   */
  private void killChildren() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("model"))) {
      for (Path pid : files.filter(f -> f.getFileName().toString().startsWith("pid-")).toList()) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
            .ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }
}
