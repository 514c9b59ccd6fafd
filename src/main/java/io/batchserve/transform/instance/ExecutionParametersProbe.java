package io.batchserve.transform.instance;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.config.BatchStrategy;
import io.batchserve.config.ExecutionParameters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /execution-parameters}: the container's own choice of MaxConcurrentTransforms,
 * BatchStrategy (either spelling) and MaxPayloadInMB. Anything but a 200 with those three keys
 * counts as "no endpoint".
 */
public final class ExecutionParametersProbe {
  private ExecutionParametersProbe() {}

  public static Optional<ExecutionParameters> fetch(HttpClient client, URI base)
      throws InterruptedException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/execution-parameters"))
              .timeout(Duration.ofSeconds(10))
              .GET()
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode json = Json.MAPPER.readTree(response.body());
      return Optional.of(
          new ExecutionParameters(
              json.get("MaxConcurrentTransforms").asInt(),
              BatchStrategy.parse(json.get("BatchStrategy").asText()),
              json.get("MaxPayloadInMB").asInt()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
