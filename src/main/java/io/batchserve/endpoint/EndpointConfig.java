package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of a CreateEndpointConfig request ({@code aws sagemaker create-endpoint-config
 * --cli-input-json}) that a local endpoint uses: its name and its first production variant.
 *
 * @param name {@code EndpointConfigName}, the endpoint's default name
 * @param variant {@code ProductionVariants[0].VariantName}, answered in {@code
 *     x-Amzn-Invoked-Production-Variant}
 * @param instances {@code ProductionVariants[0].InitialInstanceCount}
 * @param instanceType {@code ProductionVariants[0].InstanceType}, recorded only
 * @param asynchronous whether the config has an {@code AsyncInferenceConfig}
 */
public record EndpointConfig(
    String name, String variant, int instances, String instanceType, boolean asynchronous) {
  public EndpointConfig {
    require(name != null && !name.isBlank(), "EndpointConfigName: missing");
    require(
        instances >= 1 && instances <= 100,
        "InitialInstanceCount: " + instances + ", must be 1..100");
  }

  /**
   * Reads a CreateEndpointConfig request.
   *
   * @throws IllegalArgumentException naming the file and the field that is wrong
   */
  public static EndpointConfig read(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a JSON document: " + e.getMessage(), e);
    }
    try {
      JsonNode variants = root.path("ProductionVariants");
      require(
          variants.isArray() && variants.size() >= 1,
          "ProductionVariants: missing or empty; the endpoint needs one variant");
      JsonNode first = variants.get(0);
      return new EndpointConfig(
          root.path("EndpointConfigName").asText(null),
          first.path("VariantName").asText("AllTraffic"),
          first.path("InitialInstanceCount").asInt(1),
          first.path("InstanceType").asText("ml.m5.xlarge"),
          root.has("AsyncInferenceConfig"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
