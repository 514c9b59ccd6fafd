package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.Cli;
import io.batchserve.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code serve} command as its own process, as {@code docker run IMAGE serve} starts it. */
class ServeProcessTest {
  private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

  @TempDir Path dir;

  private Process serve(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("serve"));
    command.addAll(List.of(args));
    command = Cli.command(command);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("serve.log").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("serve.log"));
  }

  /** Waits until the server logs that it is ready, and returns the port it listens on. */
  private int awaitReady(Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!log().contains("ready:") && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Matcher m = LISTENING.matcher(log());
    assertTrue(m.find(), log());
    return Integer.parseInt(m.group(1));
  }

  @Test
  void serve_sigterm_drainsAndExitsZero() throws Exception {
    Process process =
        serve(
            Map.of("SAGEMAKER_BATCH", "True"),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--model-dir",
            "model/churn");
    int port = awaitReady(process);
    assertEquals(200, Http.get(port, "/ping").statusCode());
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exits within the 30 s SageMaker allows");
    assertEquals(0, process.exitValue(), log());
    assertTrue(log().contains("shutting down"), log());
    assertTrue(log().contains("model directory"), log());
  }

  @Test
  void serve_modelTarGz_isUnpackedAsSageMakerDoesAndServed() throws Exception {
    Path archive = dir.resolve("model.tar.gz");
    assertEquals(
        0,
        new ProcessBuilder("tar", "-czf", archive.toString(), "-C", "model/churn", ".")
            .start()
            .waitFor());
    Process process =
        serve(Map.of(), "--host", "127.0.0.1", "--port", "0", "--model-dir", archive.toString());
    try {
      int port = awaitReady(process);
      assertEquals(200, Http.get(port, "/ping").statusCode());
      assertTrue(log().contains("model directory /tmp/batchserve-model-"), log());
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void serve_malformedVariable_stopsWithItsNameAndValue() throws Exception {
    Process process =
        serve(Map.of("SAGEMAKER_MAX_PAYLOAD_IN_MB", "lots"), "--port", "0", "--model-dir", "model");
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    String output = log();
    assertEquals(2, process.exitValue(), output);
    assertTrue(output.contains("SAGEMAKER_MAX_PAYLOAD_IN_MB='lots' is not a whole number"), output);
  }
}
