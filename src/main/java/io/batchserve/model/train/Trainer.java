package io.batchserve.model.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains an XGBoost booster on a dense matrix and returns its UBJ bytes. Training uses one thread
 * and a fixed seed, which makes the bytes identical on every run and machine.
 */
public final class Trainer {
  private Trainer() {}

  /**
   * @param values row-major features, NaN for missing
   * @param labels one label per row
   * @param params XGBoost parameters; nthread and seed are fixed here
   * @param rounds boosting rounds
   */
  public static byte[] train(
      float[] values, float[] labels, int columns, Map<String, Object> params, int rounds) {
    DMatrix matrix = null;
    Booster booster = null;
    try {
      matrix = new DMatrix(values, labels.length, columns, Float.NaN);
      matrix.setLabel(labels);
      Map<String, Object> fixed = new HashMap<>(params);
      fixed.put("nthread", 1);
      fixed.putIfAbsent("seed", 42);
      booster = XGBoost.train(matrix, fixed, rounds, Map.of(), null, null);
      return booster.toByteArray("ubj");
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  /**
   * Area under the ROC curve of {@code scores} against 0/1 {@code labels}, ties counted as half.
   */
  public static double auc(float[] scores, float[] labels) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] > 0.5f) {
          rankSum += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = scores.length - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
