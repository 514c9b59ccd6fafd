package io.batchserve.http;

import io.batchserve.worker.Ticker;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The slowest a request body may arrive: after a grace period, on average at least {@code minBytesPerSecond}. A
 * body that has {@code received} bytes after {@code t} seconds is cut off (408) once
 * {@code t > grace + received / minBytesPerSecond}, so every byte that arrives buys the client more time, a stalled
 * client is cut off at the grace period, and a legitimate body that arrives at the minimum rate is never cut off.
 *
 * <p>Why a rate and not a fixed deadline: a deadline long enough for a 100 MB body on a slow link keeps a
 * trickling client for that long; a rate scales with what was sent. Bodies are read without holding a thread
 * ({@link BodyReader}), so the rate bounds how long a slow client keeps a connection and its buffer, not whether
 * the server can answer {@code /ping} meanwhile.
 *
 * @param minBytesPerSecond the minimum average rate after the grace period; 0 turns the check off
 * @param graceNanos how long any body may take before the rate applies
 */
record BodyRate(long minBytesPerSecond, long graceNanos, Ticker ticker, ScheduledExecutorService scheduler) {
  BodyRate {
    if (minBytesPerSecond < 0 || graceNanos < 0) {
      throw new IllegalArgumentException("minimum body rate and grace must not be negative: " + minBytesPerSecond
          + " bytes/s, " + graceNanos + " ns");
    }
  }

  boolean enabled() {
    return minBytesPerSecond > 0;
  }

  long now() {
    return ticker.read();
  }

  /** The tick at which a body started at {@code started} with {@code received} bytes is too slow. */
  long deadline(long started, long received) {
    if (!enabled()) {
      return Long.MAX_VALUE;
    }
    double allowed = graceNanos + received * 1e9 / minBytesPerSecond;
    return allowed >= Long.MAX_VALUE - started ? Long.MAX_VALUE : started + (long) allowed;
  }

  ScheduledFuture<?> schedule(Runnable check, long delayNanos) {
    return scheduler.schedule(check, delayNanos, TimeUnit.NANOSECONDS);
  }

  String describe(long received, long contentLength, long elapsedNanos) {
    String of = contentLength >= 0 ? " of " + contentLength : "";
    return String.format(Locale.ROOT, "the request body arrived too slowly: %d%s bytes in %.1f s, below the "
            + "minimum of %d bytes/s after %.0f s (BATCHSERVE_MIN_REQUEST_RATE, --min-request-rate); the connection "
            + "is closed", received, of, elapsedNanos / 1e9, minBytesPerSecond, graceNanos / 1e9);
  }
}
