package io.batchserve.loadtest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; sleeping jumps straight to the wake-up time. */
final class FakeClock implements Clock {
  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleepUntil(long wake) {
    nanos.accumulateAndGet(wake, Math::max);
  }

  void advanceMillis(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }
}
