package io.batchserve.worker;

/** A job was not answered within its deadline. Maps to HTTP 503 (the caller may retry). */
public class DeadlineExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String message) {
    super(message);
  }
}
