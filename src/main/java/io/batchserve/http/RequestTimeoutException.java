package io.batchserve.http;

/**
 * The request body arrived too slowly, or stopped arriving: the client is cut off. Maps to HTTP
 * 408.
 */
class RequestTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RequestTimeoutException(String message) {
    super(message, null, false, false);
  }
}
