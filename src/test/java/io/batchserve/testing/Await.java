package io.batchserve.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition instead of sleeping a fixed time: polls every few milliseconds up to a
 * limit.
 */
public final class Await {
  private Await() {}

  /**
   * Returns as soon as {@code condition} holds; fails the test with {@code what} if it does not
   * within the limit.
   */
  public static void until(BooleanSupplier condition, Duration limit, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
      }
      Thread.sleep(5);
    }
  }

  /** As {@link #until(BooleanSupplier, Duration, String)}, with 30 s. */
  public static void until(BooleanSupplier condition, String what) throws InterruptedException {
    until(condition, Duration.ofSeconds(30), what);
  }
}
