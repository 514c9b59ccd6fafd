package io.batchserve.http;

/** Models are still loading, failed to load, or the server is shutting down. Maps to HTTP 503. */
class NotReadyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotReadyException(String message) {
    super(message);
  }
}
