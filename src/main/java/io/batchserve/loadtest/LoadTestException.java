package io.batchserve.loadtest;

/** A load test that cannot go on, with a message for the person running it. */
final class LoadTestException extends RuntimeException {
  LoadTestException(String message) {
    super(message);
  }
}
