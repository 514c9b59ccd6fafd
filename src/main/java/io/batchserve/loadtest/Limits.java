package io.batchserve.loadtest;

import java.time.Duration;

/**
 * Bounds of one run: it stops sending at {@code duration} or after {@code maxRequests} requests,
 * whichever comes first, and waits for the answers in flight.
 */
record Limits(Duration duration, long maxRequests) {
  Limits {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("run duration must be positive: " + duration);
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("max requests < 1: " + maxRequests);
    }
  }
}
