package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.batchserve.codec.Json;
import io.batchserve.testing.LocalS3;
import io.batchserve.testing.Pythons;
import io.batchserve.time.Ticker;
import io.batchserve.transform.source.Stores;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A real run of a scaling asynchronous endpoint (child servers of the churn model, the scaling
 * files of test/endpoint with their cooldowns cut to zero): it scales to zero while idle; boto3's
 * {@code invoke_endpoint_async} then cold-starts an instance, the answer is read through boto3's S3
 * client from S3Proxy, and the notification reaches a webhook; a replayed burst scales it out and
 * drains. {@code InvokeEndpoint} on it is refused, as the service refuses it.
 */
class EndpointScalingTest {
  private static final byte[] ROW =
      "128,1,0,25,265.1,110,45.07,197.4,99,16.78,244.7,91,11.01,10,3,2.7,1,0,0,0\n"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private final List<String> console = Collections.synchronizedList(new ArrayList<>());
  private final List<String> webhook = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void asyncEndpoint_scaledToZero_coldStartsOnFirstRequestScalesOutAndDrains() throws Exception {
    String python = Pythons.importing("boto3");
    assumeTrue(python != null, "no Python with boto3 (apt-get install python3-boto3): skipped");
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/",
        exchange -> {
          webhook.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    hook.start();
    try (LocalS3 s3 = LocalS3.start()) {
      s3.client().createBucket(b -> b.bucket("data"));
      s3.client().putObject(b -> b.bucket("data").key("in/row.csv"), RequestBody.fromBytes(ROW));
      LocalEndpoint.Settings settings =
          new LocalEndpoint.Settings(
              "churn-async",
              config(),
              EndpointFixtures.churn(),
              List.of(),
              "127.0.0.1",
              0,
              dir.resolve("logs"),
              Duration.ofSeconds(60),
              new Stores.S3Settings(s3.endpoint(), true, "us-east-1"),
              new LocalEndpoint.AsyncSettings(
                  dir.resolve("state"),
                  policy(),
                  URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/sns"),
                  1000,
                  Duration.ofMillis(100),
                  Duration.ofSeconds(1)));
      try (LocalEndpoint endpoint = LocalEndpoint.start(settings, this::log)) {
        URI api = URI.create("http://127.0.0.1:" + endpoint.port());
        awaitMetrics(api, m -> m.path("InstanceCount").asInt() == 0, "scaled to zero while idle");

        List<JsonNode> calls =
            EndpointFixtures.python(
                python,
                "boto3_async_client.py",
                api.toString(),
                s3.endpoint().toString(),
                "churn-async",
                "s3://data/in/row.csv");
        JsonNode call = calls.get(0);
        assertEquals(202, call.path("status").asInt(), call.toString());
        assertTrue(call.path("output").asText().matches("0\\.\\d+\\s*"), call.toString());
        assertTrue(
            console.stream()
                .anyMatch(l -> l.contains("0 -> 1 instance(s): from zero (cold start)")),
            console.toString());
        awaitWebhook(call.path("id").asText());

        assertRealTimeRefused(api);

        Path rows = Files.write(dir.resolve("rows.csv"), ROW);
        Replay.Result burst =
            new Replay(
                    new Replay.Options(
                        api,
                        "churn-async",
                        List.of(rows.toString()),
                        40,
                        "text/csv",
                        0,
                        8,
                        Duration.ofMinutes(2)),
                    Ticker.system(),
                    this::log)
                .run();
        assertEquals(40, burst.accepted(), burst.report());
        assertFalse(Double.isNaN(burst.drained()), burst.report());
        assertEquals(40, burst.completed(), burst.report());
        assertTrue(burst.instanceHours() > 0, burst.report());
        assertTrue(burst.report().contains("plan --records 40 "), burst.report());
        awaitMetrics(api, m -> m.path("InstanceCount").asInt() == 0, "back to zero once drained");
        JsonNode last = metrics(api);
        assertEquals(41, last.path("RequestsCompleted").asInt(), last.toString());
        assertTrue(last.path("ScalingActions").asInt() >= 3, last.toString());
      }
      assertTrue(
          console.stream().anyMatch(l -> l.contains("41 completed, 0 failed, 0 left")),
          console.toString());
    } finally {
      hook.stop(0);
    }
  }

  /** Kept for the assertions, and printed with a time (the test's report shows the run). */
  private void log(String line) {
    console.add(line);
    System.out.println(LocalTime.now() + " " + line);
  }

  private void assertRealTimeRefused(URI api) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(api.resolve("/endpoints/churn-async/invocations"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ROW))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, answer.statusCode(), answer.body());
    assertEquals("ValidationError", answer.headers().firstValue("x-amzn-ErrorType").orElse(""));
    assertTrue(answer.body().contains("InvokeEndpointAsync"), answer.body());
  }

  /** test/endpoint's config, its outputs moved to S3Proxy. */
  private EndpointConfig config() throws Exception {
    String json =
        Files.readString(Path.of("test/endpoint/churn-async.json"))
            .replace("\"target/async/out\"", "\"s3://data/async/out\"")
            .replace("\"target/async/failed\"", "\"s3://data/async/failed\"");
    return EndpointConfig.read(Files.writeString(dir.resolve("config.json"), json));
  }

  /**
   * test/endpoint's scaling files, read as users pass them, with the cooldowns cut to zero and at
   * most two instances (fewer JVMs to start on a small machine).
   */
  private ScalingPolicy policy() throws Exception {
    List<Path> policies = new ArrayList<>();
    for (String name : List.of("backlog-policy.json", "from-zero-policy.json")) {
      String json =
          Files.readString(Path.of("test/endpoint", name))
              .replaceAll("\"(ScaleInCooldown|ScaleOutCooldown|Cooldown)\": \\d+", "\"$1\": 0");
      policies.add(Files.writeString(dir.resolve(name), json));
    }
    String target =
        Files.readString(Path.of("test/endpoint/scalable-target.json"))
            .replaceAll("\"MaxCapacity\": \\d+", "\"MaxCapacity\": 2");
    ScalingPolicy policy =
        ScalingPolicy.read(Files.writeString(dir.resolve("target.json"), target), policies);
    assertEquals(2, policy.max());
    assertEquals(Duration.ZERO, policy.scaleInCooldown());
    return policy;
  }

  private JsonNode metrics(URI api) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(api.resolve("/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode());
    return Json.MAPPER.readTree(answer.body());
  }

  private void awaitMetrics(URI api, Predicate<JsonNode> condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode now = metrics(api);
    while (!condition.test(now) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      now = metrics(api);
    }
    assertTrue(condition.test(now), what + ": " + now + "\n" + console);
  }

  private void awaitWebhook(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      synchronized (webhook) {
        if (webhook.stream().anyMatch(m -> m.contains("\"inferenceId\":\"" + id + "\""))) {
          assertTrue(webhook.get(0).contains("\"invocationStatus\":\"Completed\""), webhook.get(0));
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no notification for " + id + " at the webhook: " + webhook);
  }
}
