package io.batchserve.model;

/**
 * The native library failed while predicting: a fault of the server, not of the request. Maps to
 * HTTP 500.
 */
public class PredictionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PredictionException(String message, Throwable cause) {
    super(message, cause);
  }
}
