package io.batchserve.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads records from CSV or JSON Lines files: one record per non-blank line, {@code \r\n} or {@code
 * \n}. The content type comes from the file names ({@code .csv}; {@code .jsonl}, {@code
 * .jsonlines}, {@code .ndjson}) unless given.
 */
final class RecordFiles {
  static final String CSV = "text/csv";
  static final String JSON_LINES = "application/jsonlines";

  private RecordFiles() {}

  /**
   * @param contentType null to tell from the file names
   * @param dropFirstColumn drop each CSV line's first field (an id column the model must not see)
   * @param maxRecords stop reading after this many records
   */
  static RecordSet read(
      List<Path> files, String contentType, boolean dropFirstColumn, int maxRecords) {
    String type = contentType != null ? contentType : typeOf(files);
    if (dropFirstColumn && !type.equals(CSV)) {
      throw new IllegalArgumentException(
          "dropping the first column needs CSV records, not " + type);
    }
    List<byte[]> records = new ArrayList<>();
    for (Path file : files) {
      for (String line : lines(file)) {
        if (records.size() >= maxRecords) {
          return new RecordSet(type, records);
        }
        if (!line.isBlank()) {
          String record = dropFirstColumn ? dropFirstField(line, file, records.size()) : line;
          records.add(record.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return new RecordSet(type, records);
  }

  static String typeOf(List<Path> files) {
    String type = null;
    for (Path file : files) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      String fileType =
          name.endsWith(".csv")
              ? CSV
              : name.endsWith(".jsonl") || name.endsWith(".jsonlines") || name.endsWith(".ndjson")
                  ? JSON_LINES
                  : null;
      if (fileType == null) {
        throw new IllegalArgumentException(
            "cannot tell the content type of "
                + file
                + ": name it .csv or .jsonl, "
                + "or give --content-type");
      }
      if (type != null && !type.equals(fileType)) {
        throw new IllegalArgumentException("the input files mix " + type + " and " + fileType);
      }
      type = fileType;
    }
    if (type == null) {
      throw new IllegalArgumentException("no input files");
    }
    return type;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String dropFirstField(String line, Path file, int index) {
    int comma = line.indexOf(',');
    if (comma < 0) {
      throw new IllegalArgumentException(
          file
              + ": record "
              + (index + 1)
              + " has a single column; nothing would be "
              + "left after dropping the first");
    }
    return line.substring(comma + 1);
  }
}
