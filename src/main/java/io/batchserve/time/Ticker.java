package io.batchserve.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one source of time for timing logic (Caffeine's {@code Ticker}): nanoseconds from an
 * arbitrary origin, and waiting. The worker pool's batching and deadlines, the load tester's loops
 * and the harness's retry waits all take one, so that tests drive them with {@code FakeTicker}
 * instead of sleeping. Logs that only report how long something took may read {@link
 * System#nanoTime()} directly.
 */
@FunctionalInterface
public interface Ticker {
  /** Nanoseconds from an arbitrary origin; only differences mean anything. */
  long read();

  /** Returns once {@link #read()} has reached {@code nanos}, at once if it already has. */
  default void sleepUntil(long nanos) throws InterruptedException {
    long wait;
    while ((wait = nanos - read()) > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Waits {@code duration} (nothing for zero or negative). */
  default void sleep(Duration duration) throws InterruptedException {
    sleepUntil(read() + duration.toNanos());
  }

  static Ticker system() {
    return System::nanoTime;
  }
}
