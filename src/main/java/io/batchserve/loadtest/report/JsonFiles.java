package io.batchserve.loadtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports as indented JSON files, and reading them back. */
public final class JsonFiles {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  public static void write(Object value, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, MAPPER.writeValueAsString(value) + "\n");
  }

  public static JsonNode read(Path file) throws IOException {
    return MAPPER.readTree(file.toFile());
  }
}
