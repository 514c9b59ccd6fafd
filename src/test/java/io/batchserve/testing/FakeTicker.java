package io.batchserve.testing;

import io.batchserve.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ticker that moves only when told to, optionally by a fixed step on every read. Sleeping jumps
 * straight to the wake-up time and is recorded, so tests see every wait the code asked for without
 * waiting.
 */
public final class FakeTicker implements Ticker {
  private final AtomicLong nanos = new AtomicLong();
  private final long stepPerRead;
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  public FakeTicker() {
    this(0);
  }

  public FakeTicker(long stepPerRead) {
    this.stepPerRead = stepPerRead;
  }

  @Override
  public long read() {
    return nanos.getAndAdd(stepPerRead);
  }

  @Override
  public void sleepUntil(long wake) {
    long now = nanos.get();
    sleeps.add(Duration.ofNanos(Math.max(0, wake - now)));
    nanos.accumulateAndGet(wake, Math::max);
  }

  public void advance(long delta) {
    nanos.addAndGet(delta);
  }

  public void advanceMillis(long millis) {
    advance(millis * 1_000_000);
  }

  /** Every wait asked for, in order. */
  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }
}
