package io.batchserve.transform.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.config.BatchStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the fields of a request tree into a JobSpec, recording a problem (field and value) for each bad one. */
final class JobSpecReader {
  private final JsonNode root;
  private final List<String> problems;

  JobSpecReader(JsonNode root, List<String> problems) {
    this.root = root;
    this.problems = problems;
  }

  JobSpec read() {
    return new JobSpec(
        text("TransformJobName"), text("ModelName"),
        integer("MaxConcurrentTransforms"), integer("MaxPayloadInMB"),
        parsed("BatchStrategy", BatchStrategy::parse, null),
        orElse(integer("ModelClientConfig.InvocationsTimeoutInSeconds"), JobSpec.DEFAULT_TIMEOUT_SECONDS),
        orElse(integer("ModelClientConfig.InvocationsMaxRetries"), JobSpec.DEFAULT_MAX_RETRIES),
        environment(),
        parsed("TransformInput.DataSource.S3DataSource.S3DataType", S3DataType::parse, S3DataType.S3Prefix),
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
    if (!node.isTextual()) {
      problems.add(path + ": " + node + " is not a string");
      return null;
    }
    return node.asText();
  }

  private Integer integer(String path) {
    JsonNode node = at(path);
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.asInt();
    }
    if (node.isTextual() && node.asText().trim().matches("-?\\d{1,9}")) {
      return Integer.parseInt(node.asText().trim());
    }
    problems.add(path + ": " + node + " is not an integer");
    return null;
  }

  private <T> T parsed(String path, Function<String, T> parser, T fallback) {
    String value = text(path);
    if (value == null) {
      return fallback;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      problems.add(path + ": " + e.getMessage());
      return fallback;
    }
  }

  private Map<String, String> environment() {
    JsonNode env = at("Environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (env == null) {
      return result;
    }
    env.properties().forEach(entry -> {
      if (entry.getValue().isTextual()) {
        result.put(entry.getKey(), entry.getValue().asText());
      } else {
        problems.add("Environment." + entry.getKey() + ": " + entry.getValue() + " is not a string");
      }
    });
    return result;
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
