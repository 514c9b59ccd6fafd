package io.batchserve.http;

/**
 * The request names a model that is not loaded, or names none when several are. Maps to HTTP 400.
 */
class UnknownModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnknownModelException(String message) {
    super(message);
  }
}
