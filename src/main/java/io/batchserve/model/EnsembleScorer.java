package io.batchserve.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boosters of a k-fold training run (SageMaker XGBoost's {@code xgboost-model-0}, {@code -1},
 * ...) as one model, combined as the built-in container combines them: each output averaged over
 * the boosters (summed in float in booster order, then divided by their count, as NumPy's {@code
 * mean} of float32 arrays does), or, for objectives that answer a class, the most frequent answer,
 * the smallest on a tie (SciPy's {@code mode}). Thread-safe when its scorers are.
 */
final class EnsembleScorer implements Scorer {
  private final List<Scorer> members;
  private final boolean vote;

  EnsembleScorer(List<Scorer> members, boolean vote) {
    if (members.size() < 2) {
      throw new IllegalArgumentException("an ensemble needs two models: " + members.size());
    }
    this.members = List.copyOf(members);
    this.vote = vote;
  }

  @Override
  public float[][] score(float[] values, int rows, int columns) {
    float[][][] each = new float[members.size()][][];
    for (int m = 0; m < each.length; m++) {
      each[m] = members.get(m).score(values, rows, columns);
    }
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = new float[each[0][r].length];
      for (int k = 0; k < out[r].length; k++) {
        out[r][k] = vote ? mode(each, r, k) : mean(each, r, k);
      }
    }
    return out;
  }

  private static float mean(float[][][] each, int r, int k) {
    float sum = 0f;
    for (float[][] member : each) {
      sum += member[r][k];
    }
    return sum / each.length;
  }

  private static float mode(float[][][] each, int r, int k) {
    Map<Float, Integer> counts = new HashMap<>();
    float best = Float.NaN;
    int bestCount = 0;
    for (float[][] member : each) {
      float v = member[r][k];
      int count = counts.merge(v, 1, Integer::sum);
      if (count > bestCount || count == bestCount && v < best) {
        best = v;
        bestCount = count;
      }
    }
    return best;
  }

  @Override
  public int features() {
    return members.get(0).features();
  }

  @Override
  public String engine() {
    return members.get(0).engine() + " x" + members.size();
  }
}
