package io.batchserve.transform.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.config.BatchStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the fields of a request tree into a JobSpec; what is missing or malformed is left to the
 * shape check.
 */
final class JobSpecReader {
  private final JsonNode root;

  JobSpecReader(JsonNode root) {
    this.root = root;
  }

  JobSpec read() {
    return new JobSpec(
        text("TransformJobName"),
        text("ModelName"),
        integer("MaxConcurrentTransforms"),
        integer("MaxPayloadInMB"),
        parsed("BatchStrategy", BatchStrategy::parse, null),
        orElse(
            integer("ModelClientConfig.InvocationsTimeoutInSeconds"),
            JobSpec.DEFAULT_TIMEOUT_SECONDS),
        orElse(integer("ModelClientConfig.InvocationsMaxRetries"), JobSpec.DEFAULT_MAX_RETRIES),
        environment(),
        parsed(
            "TransformInput.DataSource.S3DataSource.S3DataType",
            S3DataType::parse,
            S3DataType.S3Prefix),
        text("TransformInput.DataSource.S3DataSource.S3Uri"),
        text("TransformInput.ContentType"),
        parsed("TransformInput.CompressionType", CompressionType::parse, CompressionType.None),
        parsed("TransformInput.SplitType", SplitType::parse, SplitType.None),
        text("TransformOutput.S3OutputPath"),
        text("TransformOutput.Accept"),
        parsed("TransformOutput.AssembleWith", AssembleWith::parse, AssembleWith.None),
        orElse(integer("TransformResources.InstanceCount"), 1),
        text("TransformResources.InstanceType"),
        orElse(text("DataProcessing.InputFilter"), "$"),
        orElse(text("DataProcessing.OutputFilter"), "$"),
        parsed("DataProcessing.JoinSource", JoinSource::parse, JoinSource.None));
  }

  private JsonNode at(String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return node == null || node.isNull() ? null : node;
  }

  private String text(String path) {
    JsonNode node = at(path);
    if (node == null) {
      return null;
    }
    return node.isTextual() ? node.asText() : null; // a wrong type is the shape's to report
  }

  private Integer integer(String path) {
    JsonNode node = at(path);
    if (node == null) {
      return null;
    }
    // a wrong type or range is the shape's to report; here it is only not read
    return node.isIntegralNumber() && node.canConvertToInt() ? node.asInt() : null;
  }

  private <T> T parsed(String path, Function<String, T> parser, T fallback) {
    String value = text(path);
    if (value == null) {
      return fallback;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      return fallback; // the shape reports a value that is not one of the API's
    }
  }

  private Map<String, String> environment() {
    JsonNode env = at("Environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (env == null) {
      return result;
    }
    if (env.isObject()) {
      env.properties()
          .forEach(
              entry -> {
                if (entry.getValue().isTextual()) {
                  result.put(entry.getKey(), entry.getValue().asText());
                }
              });
    }
    return result;
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
