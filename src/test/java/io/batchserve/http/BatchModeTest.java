package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.codec.Json;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import io.batchserve.testing.TinyModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as Batch Transform starts it: SAGEMAKER_BATCH=True (the SDK's spelling) and the job's
 * variables.
 */
class BatchModeTest {
  @TempDir Path dir;

  @Test
  void batchTrue_executionParametersFollowJobAndAnswersKeepTheirShape() throws Exception {
    var config =
        TestServers.config(
            TestServers.flags(TinyModels.tabularFolder(dir, "t"), 2),
            Map.of(
                "SAGEMAKER_BATCH",
                "True",
                "SAGEMAKER_MAX_PAYLOAD_IN_MB",
                "20",
                "SAGEMAKER_BATCH_STRATEGY",
                "MULTI_RECORD"));
    try (ModelServer server = TestServers.awaitReady(ModelServer.start(config))) {
      var parameters = Http.get(server.port(), "/execution-parameters");
      assertEquals(200, parameters.statusCode());
      assertEquals(
          "application/json", parameters.headers().firstValue("Content-Type").orElseThrow());
      var json = Json.MAPPER.readTree(parameters.body());
      assertEquals(2, json.get("MaxConcurrentTransforms").asInt());
      assertEquals("MULTI_RECORD", json.get("BatchStrategy").asText());
      assertEquals(20, json.get("MaxPayloadInMB").asInt());
      assertEquals(3, json.size());
      var csv = Http.post(server.port(), "1.5,0.9,0.1\n0.1,0.1,0.1\n", "Content-Type", "text/csv");
      assertEquals(2, csv.body().split("\n").length);
      var asJson =
          Http.post(
              server.port(),
              "1.5,0.9,0.1\n0.1,0.1,0.1\n",
              "Content-Type",
              "text/csv",
              "Accept",
              "application/json");
      assertEquals(2, Json.MAPPER.readTree(asJson.body()).get("predictions").size());
    }
  }
}
