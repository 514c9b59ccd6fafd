package io.batchserve.model;

/**
 * One native prediction call over a dense block of rows. This is the seam between the models and xgboost4j: the
 * models never call xgboost4j directly, so tests can count or fake the calls.
 *
 * <p>Implementations are thread-safe and take no lock.
 */
public interface Scorer {
  /**
   * Predicts {@code rows} rows of {@code columns} features, row-major, {@code NaN} meaning missing. Returns one
   * array of outputs per row (one output for binary classification and regression).
   *
   * @throws PredictionException when the native call fails
   */
  float[][] score(float[] values, int rows, int columns);

  /** Number of features the model was trained on. */
  int features();
}
