package io.batchserve.http;

/** The request body is over the server's limit. Maps to HTTP 413. */
class PayloadTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PayloadTooLargeException(String message) {
    super(message);
  }
}
