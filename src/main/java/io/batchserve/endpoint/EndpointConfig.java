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
 * @param async its {@code AsyncInferenceConfig}, or null for a real-time endpoint
 */
public record EndpointConfig(
    String name, String variant, int instances, String instanceType, Async async) {
  /**
   * An {@code AsyncInferenceConfig}.
   *
   * @param outputPath {@code OutputConfig.S3OutputPath}: results go to {@code
   *     <path>/<InferenceId>.out}
   * @param failurePath {@code OutputConfig.S3FailurePath}, or null (failures then go to the output
   *     path)
   * @param successTopic {@code NotificationConfig.SuccessTopic}, or null
   * @param errorTopic {@code NotificationConfig.ErrorTopic}, or null
   * @param maxConcurrentPerInstance {@code ClientConfig.MaxConcurrentInvocationsPerInstance}, or 0
   *     when the service chooses
   */
  public record Async(
      String outputPath,
      String failurePath,
      String successTopic,
      String errorTopic,
      int maxConcurrentPerInstance) {
    public Async {
      require(
          outputPath != null && !outputPath.isBlank(),
          "AsyncInferenceConfig.OutputConfig.S3OutputPath: missing");
      require(
          maxConcurrentPerInstance >= 0 && maxConcurrentPerInstance <= 1000,
          "AsyncInferenceConfig.ClientConfig.MaxConcurrentInvocationsPerInstance: "
              + maxConcurrentPerInstance
              + ", must be 1..1000");
    }

    static Async of(JsonNode config) {
      JsonNode output = config.path("OutputConfig");
      JsonNode notification = output.path("NotificationConfig");
      return new Async(
          output.path("S3OutputPath").asText(null),
          output.path("S3FailurePath").asText(null),
          notification.path("SuccessTopic").asText(null),
          notification.path("ErrorTopic").asText(null),
          config.path("ClientConfig").path("MaxConcurrentInvocationsPerInstance").asInt(0));
    }
  }

  public boolean asynchronous() {
    return async != null;
  }

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
          root.has("AsyncInferenceConfig") ? Async.of(root.path("AsyncInferenceConfig")) : null);
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
