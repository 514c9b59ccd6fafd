package io.batchserve.model.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample input files for a churn transform job: headerless CSV, one customer per line, the customer
 * id first and then the 20 features in model order (so a job drops the id with {@code InputFilter
 * "$[1:]"} and joins it back with {@code JoinSource Input}). Missing values are empty fields.
 */
public final class ChurnSamples {
  private ChurnSamples() {}

  /** Writes {@code files} files of {@code rows} customers each; returns their paths. */
  public static List<Path> write(Path directory, int files, int rows, long seed)
      throws IOException {
    Files.createDirectories(directory);
    List<ChurnData.Customer> customers = ChurnData.generate(files * rows, seed);
    List<Path> written = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      Path file = directory.resolve(String.format("customers-%03d.csv", f + 1));
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (ChurnData.Customer c : customers.subList(f * rows, (f + 1) * rows)) {
          out.write(line(c));
          out.write('\n');
        }
      }
      written.add(file);
    }
    return written;
  }

  /**
   * A customer as a CSV line: id, then features; whole numbers without a decimal point, missing as
   * empty.
   */
  public static String line(ChurnData.Customer c) {
    StringBuilder line = new StringBuilder(c.id());
    for (double v : c.features()) {
      line.append(',');
      if (Double.isNaN(v)) {
        continue;
      }
      if (v == StrictMath.rint(v)) {
        line.append((long) v);
      } else {
        line.append(v);
      }
    }
    return line.toString();
  }
}
