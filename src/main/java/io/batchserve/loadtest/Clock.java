package io.batchserve.loadtest;

import java.util.concurrent.TimeUnit;

/** Nanosecond time and sleeping, injected so that the loops' timing logic can be tested with a fake clock. */
interface Clock {
  long nanoTime();

  /** Returns once {@link #nanoTime()} has reached {@code nanos}, at once if it already has. */
  void sleepUntil(long nanos) throws InterruptedException;

  static Clock system() {
    return new Clock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
    };
  }
}
