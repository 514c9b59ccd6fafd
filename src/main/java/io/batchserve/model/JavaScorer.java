package io.batchserve.model;

import io.batchserve.codec.SparseRows;
import io.batchserve.model.engine.Forest;
import java.util.Arrays;

/**
 * A {@link Scorer} over the Java engine ({@link Forest}), for a model that verified bit for bit
 * against xgboost4j on load. Sparse (libsvm) rows stay on xgboost4j, which keeps them sparse.
 * Thread-safe, no lock.
 */
final class JavaScorer implements Scorer {
  private final Forest forest;
  private final Scorer sparse;

  JavaScorer(Forest forest, Scorer sparse) {
    this.forest = forest;
    this.sparse = sparse;
  }

  @Override
  public float[][] score(float[] values, int rows, int columns) {
    float[] predictions = forest.predict(values, rows, columns, true);
    int outputs = forest.outputs(true);
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = Arrays.copyOfRange(predictions, r * outputs, (r + 1) * outputs);
    }
    return out;
  }

  @Override
  public float[][] scoreSparse(SparseRows rows) {
    return sparse.scoreSparse(rows);
  }

  @Override
  public String engine() {
    return "java";
  }

  @Override
  public int features() {
    return forest.features();
  }
}
