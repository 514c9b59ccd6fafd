package io.batchserve.http;

import io.batchserve.time.Ticker;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The slowest a request body may arrive: after a grace period, on average at least {@code
 * minBytesPerSecond}. A body that has {@code received} bytes after {@code t} seconds is cut off
 * (408) once {@code t > grace + received / minBytesPerSecond}, so every byte that arrives buys the
 * client more time, a stalled client is cut off at the grace period, and a legitimate body that
 * arrives at the minimum rate is never cut off.
 *
 * <p>Why a rate and not a fixed deadline: a deadline long enough for a 100 MB body on a slow link
 * keeps a trickling client for that long; a rate scales with what was sent. Bodies are read without
 * holding a thread ({@link BodyReader}), so the rate bounds how long a slow client keeps a
 * connection and its buffer, not whether the server can answer {@code /ping} meanwhile.
 *
 * <p>Bodies still arriving are {@link #watch watched}; {@link #sweep}, run every second by one
 * scheduler thread, cuts off those past their deadline. One set and one sweep instead of a timer
 * per request: a request whose body arrives at once costs an add and a remove in a concurrent set.
 * Thread-safe.
 */
final class BodyRate {
  private final long minBytesPerSecond;
  private final long graceNanos;
  private final Ticker ticker;
  private final Set<BodyReader> arriving = ConcurrentHashMap.newKeySet();

  /** {@code minBytesPerSecond} 0 turns the check off. */
  BodyRate(long minBytesPerSecond, long graceNanos, Ticker ticker) {
    if (minBytesPerSecond < 0 || graceNanos < 0) {
      throw new IllegalArgumentException(
          "minimum body rate and grace must not be negative: "
              + minBytesPerSecond
              + " bytes/s, "
              + graceNanos
              + " ns");
    }
    this.minBytesPerSecond = minBytesPerSecond;
    this.graceNanos = graceNanos;
    this.ticker = ticker;
  }

  boolean enabled() {
    return minBytesPerSecond > 0;
  }

  long now() {
    return ticker.read();
  }

  /**
   * The tick at which a body started at {@code started} with {@code received} bytes is too slow.
   */
  long deadline(long started, long received) {
    if (!enabled()) {
      return Long.MAX_VALUE;
    }
    double allowed = graceNanos + received * 1e9 / minBytesPerSecond;
    return allowed >= Long.MAX_VALUE - started ? Long.MAX_VALUE : started + (long) allowed;
  }

  void watch(BodyReader body) {
    if (enabled()) {
      arriving.add(body);
    }
  }

  void unwatch(BodyReader body) {
    arriving.remove(body);
  }

  /** How many bodies are still arriving (for tests). */
  int arriving() {
    return arriving.size();
  }

  /**
   * Cuts off every watched body that is past its deadline. Never throws (it runs on a scheduler).
   */
  void sweep() {
    long now = now();
    for (BodyReader body : arriving) {
      try {
        body.checkRate(now);
      } catch (RuntimeException e) {
        arriving.remove(body);
      }
    }
  }

  String describe(long received, long contentLength, long elapsedNanos) {
    String of = contentLength >= 0 ? " of " + contentLength : "";
    return String.format(
        Locale.ROOT,
        "the request body arrived too slowly: %d%s bytes in %.1f s, below the minimum of %d bytes/s"
            + " after %.0f s (BATCHSERVE_MIN_REQUEST_RATE, --min-request-rate); the connection is"
            + " closed",
        received,
        of,
        elapsedNanos / 1e9,
        minBytesPerSecond,
        graceNanos / 1e9);
  }
}
