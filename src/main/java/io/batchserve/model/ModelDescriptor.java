package io.batchserve.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small JSON file beside a model artifact ({@value #FILE_NAME}) that says what the artifact is:
 * its name, its kind (which decides how requests are read), the artifact's file name, and
 * kind-specific schema such as the feature list. The raw JSON stays available for those
 * kind-specific parts.
 */
public record ModelDescriptor(
    Path directory, String name, String kind, String artifact, JsonNode raw) {
  public static final String FILE_NAME = "batchserve-model.json";

  public static ModelDescriptor read(Path directory) throws ModelLoadException {
    Path file = directory.resolve(FILE_NAME);
    JsonNode raw;
    try {
      raw = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (raw == null || !raw.isObject()) {
      throw new ModelLoadException(file + " must hold a JSON object");
    }
    return new ModelDescriptor(
        directory,
        text(raw, "name", file),
        text(raw, "kind", file),
        text(raw, "artifact", file),
        raw);
  }

  public Path file() {
    return directory.resolve(FILE_NAME);
  }

  public Path artifactPath() {
    return directory.resolve(artifact);
  }

  /** A required list of strings, or of objects with a "name", under {@code field}. */
  public List<String> names(String field) throws ModelLoadException {
    JsonNode node = raw.get(field);
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new ModelLoadException(file() + ": '" + field + "' must be a non-empty array");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode item : node) {
      JsonNode name = item.isObject() ? item.get("name") : item;
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        throw new ModelLoadException(
            file() + ": every entry of '" + field + "' needs a name, got " + item);
      }
      names.add(name.asText());
    }
    return names;
  }

  /** An optional list of strings under {@code field}; empty when absent. */
  public List<String> optionalNames(String field) throws ModelLoadException {
    return raw.has(field) ? names(field) : List.of();
  }

  private static String text(JsonNode raw, String field, Path file) throws ModelLoadException {
    JsonNode node = raw.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new ModelLoadException(file + ": '" + field + "' must be a non-empty string");
    }
    return node.asText();
  }
}
