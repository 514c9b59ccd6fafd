package io.batchserve.testing;

import io.batchserve.model.train.Trainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Trains tiny XGBoost models in a test's temporary folder, so tests never depend on downloaded
 * artifacts.
 */
public final class TinyModels {
  private TinyModels() {}

  /** UBJ bytes of a 3-feature binary classifier: positive when f0 + f1 > 1 (f2 is noise). */
  public static byte[] classifier() {
    int rows = 200;
    float[] x = new float[rows * 3];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      float a = (i % 20) / 10f;
      float b = (i % 7) / 7f;
      x[i * 3] = a;
      x[i * 3 + 1] = b;
      x[i * 3 + 2] = (i * 37 % 11) / 11f;
      y[i] = a + b > 1 ? 1 : 0;
    }
    return Trainer.train(
        x, y, 3, Map.of("objective", "binary:logistic", "max_depth", 3, "eta", 0.5), 10);
  }

  /** A model folder (descriptor + artifact) for a 3-feature tabular model named {@code name}. */
  public static Path tabularFolder(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    Files.write(directory.resolve("xgboost-model.ubj"), classifier());
    String descriptor =
        "{\"name\":\""
            + name
            + "\",\"kind\":\"tabular\",\"artifact\":\"xgboost-model.ubj\","
            + "\"features\":[\"a\",\"b\",\"c\"],\"passthrough\":[\"id\"],\"request_types\":[\""
            + name
            + "\"]}";
    Files.writeString(
        directory.resolve("batchserve-model.json"), descriptor, StandardCharsets.UTF_8);
    return directory;
  }

  public static List<String> features() {
    return List.of("a", "b", "c");
  }
}
