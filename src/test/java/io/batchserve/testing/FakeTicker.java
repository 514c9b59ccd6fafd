package io.batchserve.testing;

import io.batchserve.worker.Ticker;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when told to, and optionally by a fixed step on every read. */
public final class FakeTicker implements Ticker {
  private final AtomicLong nanos = new AtomicLong();
  private final long stepPerRead;

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

  public void advance(long delta) {
    nanos.addAndGet(delta);
  }
}
