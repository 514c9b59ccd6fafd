package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.http.ModelServer;
import io.batchserve.testing.Http;
import io.batchserve.testing.LocalS3;
import io.batchserve.testing.Pythons;
import io.batchserve.testing.TestServers;
import io.batchserve.transform.source.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * boto3's {@code invoke_endpoint_async}, unmodified but for {@code endpoint_url}, against a local
 * asynchronous endpoint whose inputs and outputs live in S3 (S3Proxy): 202 with the inference id
 * and locations, the answer at {@code S3OutputPath/<id>.out} (read back through boto3's S3 client),
 * a bad record's error at the failure path, and one notification line for each.
 */
class EndpointAsyncBoto3Test {
  @TempDir Path dir;

  @Test
  void invokeEndpointAsync_boto3AndS3_writeAnswersFailuresAndNotifications() throws Exception {
    String python = Pythons.importing("boto3");
    assumeTrue(python != null, "no Python with boto3 (apt-get install python3-boto3): skipped");
    byte[] rows =
        "128,1,0,25,265.1,110,45.07,197.4,99,16.78,244.7,91,11.01,10,3,2.7,1,0,0,0\n"
            .getBytes(StandardCharsets.UTF_8);
    String expected;
    try (ModelServer server = TestServers.start(Path.of("model/churn"))) {
      expected = Http.post(server.port(), rows, "Content-Type", "text/csv").body();
    }
    Path config =
        Files.writeString(
            dir.resolve("config.json"),
            """
            {"EndpointConfigName": "churn-async",
             "ProductionVariants": [{"VariantName": "AllTraffic", "InitialInstanceCount": 1}],
             "AsyncInferenceConfig": {
               "OutputConfig": {"S3OutputPath": "s3://data/async/out",
                                "S3FailurePath": "s3://data/async/failed"},
               "ClientConfig": {"MaxConcurrentInvocationsPerInstance": 2}}}
            """);
    try (LocalS3 s3 = LocalS3.start()) {
      s3.client().createBucket(b -> b.bucket("data"));
      s3.client().putObject(b -> b.bucket("data").key("in/good.csv"), RequestBody.fromBytes(rows));
      s3.client()
          .putObject(b -> b.bucket("data").key("in/bad.csv"), RequestBody.fromString("x,y\n"));
      LocalEndpoint.Settings settings =
          EndpointFixtures.settings(
              "churn-async",
              EndpointConfig.read(config),
              dir,
              new Stores.S3Settings(s3.endpoint(), true, "us-east-1"));
      try (LocalEndpoint endpoint = LocalEndpoint.start(settings, line -> {})) {
        List<JsonNode> calls =
            EndpointFixtures.python(
                python,
                "boto3_async_client.py",
                "http://127.0.0.1:" + endpoint.port(),
                s3.endpoint().toString(),
                "churn-async",
                "s3://data/in/good.csv",
                "s3://data/in/bad.csv");
        JsonNode good = calls.get(0);
        assertEquals(202, good.path("status").asInt(), good.toString());
        assertEquals(
            "s3://data/async/out/" + good.path("id").asText() + ".out",
            good.path("output_location").asText());
        assertEquals(expected, good.path("output").asText(), good.toString());
        JsonNode bad = calls.get(1);
        assertTrue(bad.path("output").isNull(), bad.toString());
        assertTrue(bad.path("failure").asText().contains("Received error (400)"), bad.toString());
        List<String> notifications = awaitLines(dir.resolve("state/notifications.jsonl"), 2);
        assertTrue(
            notifications.stream().anyMatch(n -> n.contains("\"invocationStatus\":\"Completed\"")));
        assertTrue(
            notifications.stream().anyMatch(n -> n.contains("\"invocationStatus\":\"Failed\"")));
      }
    }
  }

  private static List<String> awaitLines(Path file, int lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readAllLines(file).size() >= lines) {
        return Files.readAllLines(file);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("fewer than " + lines + " notifications in " + file);
  }
}
