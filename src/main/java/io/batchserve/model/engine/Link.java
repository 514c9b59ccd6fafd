package io.batchserve.model.engine;

import java.util.Map;

/**
 * How an objective turns a row's margins into its prediction, and its base score into the base
 * margin, as XGBoost 3 does it in float. Objectives missing here have no exact port: their models
 * stay on xgboost4j.
 */
public enum Link {
  /**
   * Regression, ranking and raw margins: the prediction is the margin, and the base score is the
   * base margin (binary:logitraw included, as XGBoost 3 does; the on-load check caught a logit
   * there).
   */
  IDENTITY,
  /** binary:logistic, reg:logistic: the margin through {@link ExactMath#sigmoid}. */
  SIGMOID,
  /** count:poisson, reg:gamma, reg:tweedie: e to the margin, through {@link ExactMath#expf}. */
  EXP,
  /**
   * multi:softprob: one probability per class, {@link ExactMath#softmax} of the row's class
   * margins.
   */
  SOFTMAX,
  /**
   * multi:softmax: one value per row, the index of its largest class margin (the first, on a tie),
   * as a float.
   */
  ARGMAX;

  private static final Map<String, Link> OBJECTIVES =
      Map.ofEntries(
          Map.entry("reg:squarederror", IDENTITY),
          Map.entry("reg:squaredlogerror", IDENTITY),
          Map.entry("reg:pseudohubererror", IDENTITY),
          Map.entry("reg:absoluteerror", IDENTITY),
          Map.entry("rank:pairwise", IDENTITY),
          Map.entry("rank:ndcg", IDENTITY),
          Map.entry("rank:map", IDENTITY),
          Map.entry("binary:logistic", SIGMOID),
          Map.entry("reg:logistic", SIGMOID),
          Map.entry("binary:logitraw", IDENTITY),
          Map.entry("count:poisson", EXP),
          Map.entry("reg:gamma", EXP),
          Map.entry("reg:tweedie", EXP),
          Map.entry("multi:softprob", SOFTMAX),
          Map.entry("multi:softmax", ARGMAX));

  /** The link of an objective, or null when there is no exact port of it. */
  static Link of(String objective) {
    return OBJECTIVES.get(objective);
  }

  /** Whether the objective has one margin per class (and only then several). */
  boolean multiClass() {
    return this == SOFTMAX || this == ARGMAX;
  }

  /**
   * The base margin the trees' sum starts from, for the model's base score (XGBoost's ProbToMargin,
   * in float).
   */
  float baseMargin(float baseScore) {
    return switch (this) {
      case IDENTITY, SOFTMAX, ARGMAX -> baseScore;
      case SIGMOID -> -(float) Math.log(1.0f / baseScore - 1.0f);
      case EXP -> (float) Math.log(baseScore);
    };
  }

  /** Values per row of a prediction, for {@code groups} margins per row. */
  int outputs(int groups) {
    return this == ARGMAX ? 1 : groups;
  }

  /**
   * Writes the prediction of one row, whose {@code groups} margins start at {@code from}, to {@code
   * out} at {@code at} ({@link #outputs} values).
   */
  void apply(float[] margins, int from, int groups, float[] out, int at) {
    switch (this) {
      case IDENTITY -> System.arraycopy(margins, from, out, at, groups);
      case SIGMOID -> {
        for (int g = 0; g < groups; g++) {
          out[at + g] = ExactMath.sigmoid(margins[from + g]);
        }
      }
      case EXP -> {
        for (int g = 0; g < groups; g++) {
          out[at + g] = ExactMath.expf(margins[from + g]);
        }
      }
      case SOFTMAX -> ExactMath.softmax(margins, from, groups, out, at);
      case ARGMAX -> out[at] = argmax(margins, from, groups);
    }
  }

  private static float argmax(float[] margins, int from, int groups) {
    int best = 0;
    for (int g = 1; g < groups; g++) {
      if (margins[from + g] > margins[from + best]) {
        best = g;
      }
    }
    return best;
  }
}
