package io.batchserve.model;

import io.batchserve.codec.SparseRows;

/**
 * One native prediction call over a block of rows, dense or sparse. This is the seam between the
 * models and xgboost4j: the models never call xgboost4j directly, so tests can count or fake the
 * calls.
 *
 * <p>Implementations are thread-safe and take no lock.
 */
public interface Scorer {
  /**
   * Predicts {@code rows} rows of {@code columns} features, row-major, {@code NaN} meaning missing.
   * Returns one array of outputs per row (one output for binary classification and regression).
   *
   * @throws PredictionException when the native call fails
   */
  float[][] score(float[] values, int rows, int columns);

  /**
   * Predicts sparse rows (absent features missing), as one native call. The default densifies them
   * and calls {@link #score}; a scorer for wide sparse models overrides it to keep them sparse.
   */
  default float[][] scoreSparse(SparseRows rows) {
    return score(rows.toDense(), rows.rows(), rows.width());
  }

  /** Number of features the model was trained on. */
  int features();

  /** Which evaluator this is, for logs: {@code java} or {@code xgboost4j}. */
  default String engine() {
    return getClass().getSimpleName();
  }
}
