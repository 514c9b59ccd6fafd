package io.batchserve.model.engine;

/**
 * The model is of a kind the Java engine cannot evaluate exactly (the message says why): use
 * xgboost4j.
 */
public final class UnsupportedModelException extends Exception {
  private static final long serialVersionUID = 1L;

  UnsupportedModelException(String message) {
    super(message);
  }
}
