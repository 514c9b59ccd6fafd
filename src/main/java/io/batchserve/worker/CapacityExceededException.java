package io.batchserve.worker;

/**
 * The pool's queue is full or the pool is shutting down: the caller should retry later. Maps to
 * HTTP 503.
 */
public class CapacityExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CapacityExceededException(String message) {
    super(message);
  }
}
