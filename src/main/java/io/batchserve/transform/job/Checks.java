package io.batchserve.transform.job;

import java.util.List;
import java.util.regex.Pattern;

/** Small field checks that add "field: value ..." problems to a list. */
record Checks(List<String> problems) {
  void required(String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + ": is required");
    }
  }

  void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      problems.add(
          field
              + ": "
              + value
              + " is outside "
              + min
              + ".."
              + (max == Integer.MAX_VALUE ? "" : max));
    }
  }

  void length(String field, String value, int max) {
    if (value != null && value.length() > max) {
      problems.add(
          field
              + ": '"
              + value
              + "' is "
              + value.length()
              + " characters, over the limit of "
              + max);
    }
  }

  void matches(String field, String value, Pattern pattern, int max) {
    required(field, value);
    if (value != null
        && !value.isBlank()
        && (value.length() > max || !pattern.matcher(value).matches())) {
      problems.add(
          field + ": '" + value + "' must be 1-" + max + " characters matching " + pattern);
    }
  }
}
