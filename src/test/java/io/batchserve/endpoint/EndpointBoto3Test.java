package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.http.ModelServer;
import io.batchserve.testing.Http;
import io.batchserve.testing.Pythons;
import io.batchserve.testing.TestServers;
import io.batchserve.transform.source.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3's SageMaker Runtime client, unmodified but for {@code endpoint_url}, calls {@code
 * InvokeEndpoint} on a local endpoint of two child servers: the answer is the server's own, with
 * the variant; an unknown endpoint is boto3's {@code ValidationError}, a bad record its {@code
 * ModelError} with the container's status and message.
 */
class EndpointBoto3Test {
  @TempDir Path dir;

  @Test
  void invokeEndpoint_boto3_answersAsTheServerWithTheServicesErrors() throws Exception {
    String python = Pythons.importing("boto3");
    assumeTrue(python != null, "no Python with boto3 (apt-get install python3-boto3): skipped");
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        """
        {"EndpointConfigName": "churn-config",
         "ProductionVariants": [{"VariantName": "AllTraffic", "ModelName": "churn",
                                 "InitialInstanceCount": 2, "InstanceType": "ml.m5.large"}]}
        """);
    Path rows = Path.of("test/data/churn/customers-001.csv");
    byte[] body = firstLinesWithoutId(rows, 5);
    Path bodyFile = Files.write(dir.resolve("body.csv"), body);
    String expected;
    try (ModelServer server = TestServers.start(Path.of("model/churn"))) {
      expected =
          Http.post(server.port(), body, "Content-Type", "text/csv", "Accept", "application/json")
              .body();
    }
    LocalEndpoint.Settings settings =
        EndpointFixtures.settings(
            "churn-config",
            EndpointConfig.read(config),
            dir,
            new Stores.S3Settings(null, false, null));
    try (LocalEndpoint endpoint = LocalEndpoint.start(settings, line -> {})) {
      List<JsonNode> calls =
          EndpointFixtures.python(
              python,
              "boto3_runtime_client.py",
              "http://127.0.0.1:" + endpoint.port(),
              "churn-config",
              bodyFile.toString());
      JsonNode ok = calls.get(0);
      assertEquals(expected, ok.path("body").asText(), ok.toString());
      assertEquals("application/json", ok.path("type").asText());
      assertEquals("AllTraffic", ok.path("variant").asText());
      JsonNode unknown = calls.get(1);
      assertEquals("ValidationError", unknown.path("error").asText(), unknown.toString());
      assertEquals(
          "Endpoint no-such-endpoint of account 000000000000 not found.",
          unknown.path("message").asText());
      JsonNode bad = calls.get(2);
      assertEquals("ModelError", bad.path("error").asText(), bad.toString());
      assertEquals(400, bad.path("status").asInt());
      assertTrue(bad.path("original").asText().contains("line 1"), bad.toString());
    }
  }

  private static byte[] firstLinesWithoutId(Path csv, int lines) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(csv).subList(0, lines)) {
      out.append(line.substring(line.indexOf(',') + 1)).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
