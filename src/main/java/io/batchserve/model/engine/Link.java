package io.batchserve.model.engine;

import java.util.Map;

/**
 * How an objective turns a margin into a prediction, and its base score into the base margin, as XGBoost 3 does
 * it in float. Objectives missing here have no exact port: their models stay on xgboost4j.
 */
public enum Link {
  /**
   * Regression, ranking and raw margins: the prediction is the margin, and the base score is the base margin
   * (binary:logitraw included, as XGBoost 3 does; the on-load check caught a logit there).
   */
  IDENTITY,
  /** binary:logistic, reg:logistic: the margin through {@link ExactMath#sigmoid}. */
  SIGMOID,
  /** count:poisson, reg:gamma, reg:tweedie: e to the margin, through {@link ExactMath#expf}. */
  EXP;

  private static final Map<String, Link> OBJECTIVES = Map.ofEntries(
      Map.entry("reg:squarederror", IDENTITY), Map.entry("reg:squaredlogerror", IDENTITY),
      Map.entry("reg:pseudohubererror", IDENTITY), Map.entry("reg:absoluteerror", IDENTITY),
      Map.entry("rank:pairwise", IDENTITY), Map.entry("rank:ndcg", IDENTITY), Map.entry("rank:map", IDENTITY),
      Map.entry("binary:logistic", SIGMOID), Map.entry("reg:logistic", SIGMOID),
      Map.entry("binary:logitraw", IDENTITY), Map.entry("count:poisson", EXP), Map.entry("reg:gamma", EXP),
      Map.entry("reg:tweedie", EXP));

  /** The link of an objective, or null when there is no exact port of it. */
  static Link of(String objective) {
    return OBJECTIVES.get(objective);
  }

  /** The base margin the trees' sum starts from, for the model's base score (XGBoost's ProbToMargin, in float). */
  float baseMargin(float baseScore) {
    return switch (this) {
      case IDENTITY -> baseScore;
      case SIGMOID -> -(float) Math.log(1.0f / baseScore - 1.0f);
      case EXP -> (float) Math.log(baseScore);
    };
  }

  float apply(float margin) {
    return switch (this) {
      case IDENTITY -> margin;
      case SIGMOID -> ExactMath.sigmoid(margin);
      case EXP -> ExactMath.expf(margin);
    };
  }
}
