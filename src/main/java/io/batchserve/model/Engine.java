package io.batchserve.model;

import java.util.Locale;

/** Which evaluator serves a model's trees ({@code --engine}, {@code BATCHSERVE_ENGINE}). */
public enum Engine {
  /**
   * The Java engine where it qualifies and verifies bit for bit on load; xgboost4j otherwise. The
   * default.
   */
  AUTO,
  /** The Java engine, or start-up fails naming why a model does not qualify. */
  JAVA,
  /** xgboost4j's native library for every model. */
  XGBOOST4J;

  /** "auto", "java" or "xgboost4j", in any case. */
  public static Engine parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + value + "' is not auto, java or xgboost4j", e);
    }
  }
}
