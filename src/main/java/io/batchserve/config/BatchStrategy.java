package io.batchserve.config;

import java.util.Locale;

/**
 * Batch Transform's BatchStrategy, in both spellings: the API's {@code MultiRecord} and the env's
 * MULTI_RECORD.
 */
public enum BatchStrategy {
  SINGLE_RECORD("SingleRecord"),
  MULTI_RECORD("MultiRecord");

  private final String apiName;

  BatchStrategy(String apiName) {
    this.apiName = apiName;
  }

  /** The CreateTransformJob spelling. */
  public String apiName() {
    return apiName;
  }

  /** Parses either spelling, ignoring case; throws IllegalArgumentException otherwise. */
  public static BatchStrategy parse(String value) {
    String key = value.trim().replace("_", "").toLowerCase(Locale.ROOT);
    for (BatchStrategy s : values()) {
      if (s.apiName.toLowerCase(Locale.ROOT).equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + value
            + "' is not a batch strategy: use MultiRecord or SingleRecord "
            + "(MULTI_RECORD and SINGLE_RECORD are accepted too)");
  }
}
