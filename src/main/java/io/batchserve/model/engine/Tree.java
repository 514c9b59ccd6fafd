package io.batchserve.model.engine;

/**
 * A tree as XGBoost's JSON holds it: parallel arrays by node id; a leaf has {@code left < 0} and
 * its value.
 */
final class Tree {
  final int[] left;
  final int[] right;
  final int[] feature;
  final float[] value;
  final boolean[] defaultLeft;

  Tree(int nodes) {
    left = new int[nodes];
    right = new int[nodes];
    feature = new int[nodes];
    value = new float[nodes];
    defaultLeft = new boolean[nodes];
  }

  int depth(int node) {
    return left[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
  }
}
