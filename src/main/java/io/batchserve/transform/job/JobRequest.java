package io.batchserve.transform.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CreateTransformJob request as a JSON tree: read from a {@code --cli-input-json} file (or empty), overridden
 * field by field with {@link #set}, checked for unknown fields, then turned into a {@link JobSpec}.
 * Not thread-safe.
 */
public final class JobRequest {
  private final ObjectNode root;

  private JobRequest(ObjectNode root) {
    this.root = root;
  }

  public static JobRequest empty() {
    return new JobRequest(Json.MAPPER.createObjectNode());
  }

  /** Reads a request file; the message of any failure names the file. */
  public static JobRequest read(Path file) {
    try {
      JsonNode node = Json.MAPPER.readTree(Files.readString(file));
      if (!(node instanceof ObjectNode object)) {
        throw new JobValidationException(List.of(file + ": a CreateTransformJob request must be a JSON object"));
      }
      return new JobRequest(object);
    } catch (JsonProcessingException e) {
      throw new JobValidationException(List.of(file + ": not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new JobValidationException(List.of(file + ": cannot read the job file: " + e.getMessage()));
    }
  }

  /** Sets a field given by its dotted path, e.g. {@code TransformInput.SplitType}; null leaves it as it is. */
  public JobRequest set(String path, Object value) {
    if (value == null) {
      return this;
    }
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], Json.MAPPER.valueToTree(value));
    return this;
  }

  /** Adds environment entries over the file's own. */
  public JobRequest putEnvironment(Map<String, String> entries) {
    if (!entries.isEmpty()) {
      JsonNode env = root.get("Environment");
      ObjectNode object = env instanceof ObjectNode o ? o : root.putObject("Environment");
      entries.forEach(object::put);
    }
    return this;
  }

  /** The request as it stands, for job.json. */
  public ObjectNode tree() {
    return root.deepCopy();
  }

  /** Validates every field and builds the job; throws JobValidationException listing every problem. */
  public JobSpec toSpec() {
    List<String> problems = new ArrayList<>();
    unknownFields(root, JobFields.ROOT, "", problems);
    JobSpec spec = new JobSpecReader(root, problems).read();
    JobValidator.check(spec, problems);
    if (!problems.isEmpty()) {
      throw new JobValidationException(problems);
    }
    return spec;
  }

  private static void unknownFields(JsonNode node, Object schema, String prefix, List<String> problems) {
    if (!(schema instanceof Map<?, ?>) && !(schema instanceof Set<?>)) {
      return;
    }
    if (!node.isObject()) {
      problems.add(prefix.substring(0, prefix.length() - 1) + ": must be a JSON object, not " + node);
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      boolean known = schema instanceof Map<?, ?> map ? map.containsKey(name) : ((Set<?>) schema).contains(name);
      if (!known) {
        problems.add(prefix + name + ": unknown field (CreateTransformJob has no such parameter)");
      } else if (schema instanceof Map<?, ?> map) {
        unknownFields(node.get(name), map.get(name), prefix + name + ".", problems);
      }
    }
  }
}
