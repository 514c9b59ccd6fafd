package io.batchserve.transform.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Snippet;
import io.batchserve.transform.job.ApiShape.Enum;
import io.batchserve.transform.job.ApiShape.Int;
import io.batchserve.transform.job.ApiShape.ListOf;
import io.batchserve.transform.job.ApiShape.MapOf;
import io.batchserve.transform.job.ApiShape.Str;
import io.batchserve.transform.job.ApiShape.Struct;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request tree against an {@link ApiShape} as the API does, collecting every problem, each
 * naming the member's path and the value: missing required members, unknown members, JSON types (no
 * string for an integer, no number for a string), enum values (case-sensitive), string lengths and
 * patterns, integer ranges, map and list sizes. Members in {@code localPaths} may hold a local path
 * instead of an S3 URI: that is a note, not a problem, unless {@code strict}. Not thread-safe; one
 * use per request.
 */
final class ShapeCheck {
  private final Set<String> localPaths;
  private final boolean strict;
  private final List<String> problems;
  private final List<String> notes;

  ShapeCheck(Set<String> localPaths, boolean strict, List<String> problems, List<String> notes) {
    this.localPaths = localPaths;
    this.strict = strict;
    this.problems = problems;
    this.notes = notes;
  }

  void check(JsonNode node, ApiShape shape, String path) {
    if (shape instanceof Struct s) {
      struct(node, s, path);
    } else if (shape instanceof Str s) {
      string(node, s, path);
    } else if (shape instanceof Enum e) {
      enumValue(node, e, path);
    } else if (shape instanceof Int i) {
      integer(node, i, path);
    } else if (shape instanceof MapOf m) {
      map(node, m, path);
    } else if (shape instanceof ListOf l) {
      list(node, l, path);
    } else if (!node.isBoolean()) {
      wrongType(node, path, "a boolean (true or false)");
    }
  }

  private void struct(JsonNode node, Struct shape, String path) {
    if (!node.isObject()) {
      wrongType(node, path, "an object");
      return;
    }
    for (String member : sorted(shape.required())) {
      if (!node.has(member)) {
        problems.add(join(path, member) + ": missing; the API requires it");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      ApiShape member = shape.members().get(field.getKey());
      if (member == null) {
        problems.add(
            join(path, Snippet.text(field.getKey()))
                + ": unknown parameter; "
                + (path.isEmpty() ? "CreateTransformJob" : path)
                + " takes "
                + String.join(", ", sorted(shape.members().keySet())));
      } else {
        check(field.getValue(), member, join(path, field.getKey()));
      }
    }
  }

  private void string(JsonNode node, Str shape, String path) {
    if (!node.isTextual()) {
      wrongType(node, path, "a string");
      return;
    }
    String value = node.asText();
    int length = value.codePointCount(0, value.length());
    if (length < shape.min() || length > shape.max()) {
      problems.add(
          path
              + ": '"
              + Snippet.text(value)
              + "' is "
              + length
              + " characters; it must be "
              + (shape.min() == 0 ? "at most " + shape.max() : shape.min() + " to " + shape.max()));
    } else if (shape.pattern() != null && !shape.pattern().matcher(value).matches()) {
      String problem =
          path + ": '" + Snippet.text(value) + "' does not match " + shape.pattern().pattern();
      if (localPaths.contains(path) && !value.matches("(?i)[a-z][a-z0-9+.-]*://(?<!file://).*")) {
        String note =
            path
                + ": '"
                + Snippet.text(value)
                + "' is a local path; the real job needs an s3:// URI";
        (strict ? problems : notes).add(strict ? note + " (the real API refuses it)" : note);
      } else {
        problems.add(problem);
      }
    }
  }

  private void enumValue(JsonNode node, Enum shape, String path) {
    if (!node.isTextual()) {
      wrongType(node, path, "a string, one of " + String.join(", ", shape.values()));
      return;
    }
    String value = node.asText();
    if (!shape.values().contains(value)) {
      String near = nearest(value, shape.values());
      problems.add(
          path
              + ": '"
              + Snippet.text(value)
              + "' is not a valid value"
              + (near != null
                  ? " (did you mean " + near + "? values are case-sensitive)"
                  : shape.values().size() <= 8
                      ? "; valid values: " + String.join(", ", shape.values())
                      : ""));
    }
  }

  private void integer(JsonNode node, Int shape, String path) {
    if (!node.isIntegralNumber()) {
      wrongType(node, path, "an integer");
      return;
    }
    if (!node.canConvertToLong() || node.asLong() < shape.min() || node.asLong() > shape.max()) {
      problems.add(
          path
              + ": "
              + Snippet.text(node.toString())
              + " is out of range; it must be "
              + (shape.max() >= Integer.MAX_VALUE
                  ? "at least " + shape.min()
                  : shape.min() + " to " + shape.max()));
    }
  }

  private void map(JsonNode node, MapOf shape, String path) {
    if (!node.isObject()) {
      wrongType(node, path, "an object of string keys and values");
      return;
    }
    if (node.size() < shape.min() || node.size() > shape.max()) {
      problems.add(path + ": " + node.size() + " entries; at most " + shape.max() + " are allowed");
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.length() > shape.key().max() || !shape.key().pattern().matcher(key).matches()) {
        problems.add(
            path
                + ": key '"
                + Snippet.text(key)
                + "' does not match "
                + shape.key().pattern().pattern()
                + " (at most "
                + shape.key().max()
                + " characters)");
      }
      check(field.getValue(), shape.value(), path + "." + Snippet.text(key));
    }
  }

  private void list(JsonNode node, ListOf shape, String path) {
    if (!node.isArray()) {
      wrongType(node, path, "an array");
      return;
    }
    if (node.size() < shape.min() || node.size() > shape.max()) {
      problems.add(path + ": " + node.size() + " members; at most " + shape.max() + " are allowed");
    }
    for (int i = 0; i < node.size(); i++) {
      check(node.get(i), shape.member(), path + "[" + i + "]");
    }
  }

  private void wrongType(JsonNode node, String path, String expected) {
    problems.add(
        (path.isEmpty() ? "the request" : path)
            + ": "
            + Snippet.text(node.toString())
            + " is "
            + kind(node)
            + "; expected "
            + expected);
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** The value a typo most likely meant: equal ignoring case, or within two edits. */
  static String nearest(String value, List<String> values) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : values) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate;
      }
      int distance = distance(value.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String join(String path, String member) {
    return path.isEmpty() ? member : path + "." + member;
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }
}
