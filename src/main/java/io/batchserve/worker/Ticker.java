package io.batchserve.worker;

/** A source of nanosecond time, so that batching and deadline logic can be tested with a fake clock. */
@FunctionalInterface
public interface Ticker {
  long read();

  static Ticker system() {
    return System::nanoTime;
  }
}
