package io.batchserve.transform.invoke;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter from a seeded source: before retry n (1-based) wait a uniformly
 * drawn time in [d/2, d], where d = min(cap, base x 2^(n-1)). Thread-safe (the draws are
 * serialized).
 */
public final class Backoff {
  private final Duration base;
  private final Duration cap;
  private final Random random; // guarded by this

  public Backoff(Duration base, Duration cap, long seed) {
    this.base = base;
    this.cap = cap;
    this.random = new Random(seed);
  }

  public Duration delay(int retry) {
    long full = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 30));
    double draw;
    synchronized (this) {
      draw = random.nextDouble();
    }
    return Duration.ofMillis(full / 2 + (long) (draw * (full - full / 2)));
  }
}
