package io.batchserve.transform.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shape of the SageMaker API model, as the service checks a request: structures with required
 * members, strings with length and pattern (matched against the whole value), enums
 * (case-sensitive), integers with a range, booleans, maps and lists with a size range. {@link
 * ShapeCheck} walks a request against one.
 */
sealed interface ApiShape {
  /** A structure: its members in the API's order, and which are required. */
  record Struct(Map<String, ApiShape> members, Set<String> required) implements ApiShape {
    public Struct {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
      required = Set.copyOf(required);
    }
  }

  /** A string of {@code min..max} characters matching {@code pattern} as a whole (null: any). */
  record Str(int min, int max, Pattern pattern) implements ApiShape {}

  /** A string that must be one of {@code values}, exactly (case-sensitive). */
  record Enum(List<String> values) implements ApiShape {
    public Enum {
      values = List.copyOf(values);
    }
  }

  /** An integer in {@code min..max}. */
  record Int(long min, long max) implements ApiShape {}

  /** true or false. */
  record Bool() implements ApiShape {}

  /** A JSON object of {@code min..max} entries; keys and values of the given shapes. */
  record MapOf(Str key, ApiShape value, int min, int max) implements ApiShape {}

  /** A JSON array of {@code min..max} members of the given shape. */
  record ListOf(ApiShape member, int min, int max) implements ApiShape {}

  static Str str(int min, int max, String pattern) {
    return new Str(min, max, pattern == null ? null : Pattern.compile(pattern));
  }

  static Enum oneOf(String... values) {
    return new Enum(List.of(values));
  }

  static Int integer(long min, long max) {
    return new Int(min, max);
  }
}
