package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.testing.Await;
import io.batchserve.testing.Cli;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of an asynchronous endpoint (and of its instances) with requests queued and one
 * in flight: started again on the same state folder, it finishes every accepted request, each with
 * exactly one output, the right one.
 */
class EndpointCrashTest {
  private static final int REQUESTS = 24;
  @TempDir Path dir;

  @Test
  void restart_afterKill9_completesEveryAcceptedRequestOnce() throws Exception {
    Path inputs = Files.createDirectories(dir.resolve("in"));
    Path out = dir.resolve("out");
    List<String> rows = Files.readAllLines(Path.of("test/data/churn/customers-001.csv"));
    for (int i = 0; i < REQUESTS; i++) {
      StringBuilder body = new StringBuilder();
      for (int r = 0; r <= i; r++) { // request i holds i + 1 rows: each answer is told apart
        String line = rows.get(r);
        body.append(line, line.indexOf(',') + 1, line.length()).append('\n');
      }
      Files.writeString(inputs.resolve("r" + i + ".csv"), body.toString().repeat(300));
    }
    Path config =
        Files.writeString(
            dir.resolve("config.json"),
            """
            {"EndpointConfigName": "crash",
             "ProductionVariants": [{"VariantName": "AllTraffic", "InitialInstanceCount": 1}],
             "AsyncInferenceConfig": {"OutputConfig": {"S3OutputPath": "%s"},
                                      "ClientConfig": {"MaxConcurrentInvocationsPerInstance": 1}}}
            """
                .formatted(out));
    int port = freePort();
    Map<String, Integer> ids = new LinkedHashMap<>();
    Process first = start(config, port);
    try {
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 0; i < REQUESTS; i++) {
        ids.put(submit(client, port, inputs.resolve("r" + i + ".csv")), i);
      }
      Await.until(() -> outputs(out) >= 1, Duration.ofSeconds(60), "a first answer");
    } finally {
      kill9(first);
    }
    assertTrue(outputs(out) < REQUESTS, "the kill came with requests still queued");
    Process second = start(config, port);
    try {
      Await.until(() -> outputs(out) == REQUESTS, Duration.ofSeconds(120), "every answer");
    } finally {
      kill9(second);
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(REQUESTS, files.count(), "one output per request, no other file");
    }
    for (Map.Entry<String, Integer> id : ids.entrySet()) {
      long lines = Files.readAllLines(out.resolve(id.getKey() + ".out")).size();
      assertEquals((id.getValue() + 1) * 300L, lines, "the answer of request " + id.getValue());
    }
  }

  private Process start(Path config, int port) throws Exception {
    List<String> command =
        Cli.command(
            List.of(
                "endpoint",
                "--endpoint-config",
                config.toString(),
                "--model-dir",
                "model/churn",
                "--port",
                String.valueOf(port),
                "--state-dir",
                dir.resolve("state").toString(),
                "--log-dir",
                dir.resolve("logs").toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
      seen.append(line).append('\n');
      if (line.startsWith("endpoint crash ") && line.contains(") ready: POST")) {
        Thread drain = new Thread(() -> drain(lines), "endpoint-output");
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    kill9(process);
    throw new AssertionError("the endpoint did not start:\n" + seen);
  }

  private static String submit(HttpClient client, int port, Path input) throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/endpoints/crash/async-invocations"))
                .header("X-Amzn-SageMaker-InputLocation", input.toString())
                .header("X-Amzn-SageMaker-Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, answer.statusCode(), answer.body());
    JsonNode body = Json.MAPPER.readTree(answer.body());
    return body.path("InferenceId").asText();
  }

  /** SIGKILL to the endpoint and its instances: nothing of theirs runs on exit. */
  private static void kill9(Process process) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle child : tree) {
      child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
  }

  private static long outputs(Path out) {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.toString().endsWith(".out")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void drain(BufferedReader lines) {
    try {
      while (lines.readLine() != null) {
        // keep the pipe open and empty
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
