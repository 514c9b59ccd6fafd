package io.batchserve.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.model.train.ChurnTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed churn model is exactly what {@code train churn} produces. */
class ChurnTrainingTest {
  @TempDir Path dir;

  @Test
  void train_reproducesCommittedArtifactByteForByte() throws Exception {
    ChurnTraining.Result result = ChurnTraining.run(dir);
    for (String file : new String[] {ChurnTraining.ARTIFACT, ModelDescriptor.FILE_NAME}) {
      assertArrayEquals(
          Files.readAllBytes(Path.of("model/churn", file)),
          Files.readAllBytes(dir.resolve(file)),
          file
              + " differs from model/churn/"
              + file
              + ": rerun `java -jar target/batchserve.jar train churn`");
    }
    assertTrue(result.holdoutAuc() > 0.8, "hold-out AUC " + result.holdoutAuc());
  }
}
