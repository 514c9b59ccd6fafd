package io.batchserve.testing;

import io.batchserve.model.Scorer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scorer that records the number of rows of every native call it passes on to the scorer it
 * wraps.
 */
public final class CountingScorer implements Scorer {
  private final Scorer delegate;
  private final List<Integer> calls = new CopyOnWriteArrayList<>();

  public CountingScorer(Scorer delegate) {
    this.delegate = delegate;
  }

  @Override
  public float[][] score(float[] values, int rows, int columns) {
    calls.add(rows);
    return delegate.score(values, rows, columns);
  }

  @Override
  public int features() {
    return delegate.features();
  }

  /** Rows of each call so far, in call order. */
  public List<Integer> rowsPerCall() {
    return List.copyOf(calls);
  }

  public int calls() {
    return calls.size();
  }

  public void reset() {
    calls.clear();
  }
}
