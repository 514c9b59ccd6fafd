package io.batchserve.transform.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.batchserve.codec.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled InputFilter or OutputFilter (Jayway JsonPath over Java lists and maps). {@code $} is
 * the identity. Slices follow {@link SliceEnd}: for INCLUSIVE the end index is moved one up before
 * compiling. Listed indexes ({@code $[0,-1]}) outside a record's size are an error, as the service
 * documents. Thread-safe.
 */
final class FilterPath {
  /** Jackson with exact decimals, so filtering a record never changes the digits of its numbers. */
  static final ObjectMapper MAPPER =
      Json.MAPPER.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final Configuration CONFIG =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider(MAPPER))
          .mappingProvider(new JacksonMappingProvider(MAPPER))
          .build();
  private static final Pattern SLICE = Pattern.compile("\\[(\\s*-?\\d*\\s*):\\s*(-?\\d+)\\s*]");
  private static final Pattern INDEXES =
      Pattern.compile("^\\$\\[\\s*(-?\\d+(\\s*,\\s*-?\\d+)*)\\s*]");

  private static final Pattern PLAIN_SLICE =
      Pattern.compile("^\\$\\[\\s*(-?\\d*)\\s*:\\s*(-?\\d*)\\s*]$");
  private static final Pattern PROPERTIES =
      Pattern.compile("^\\$\\[\\s*'[^'\\\\]*'(\\s*,\\s*'[^'\\\\]*')+\\s*]$");
  private static final Pattern PLAIN_INDEXES =
      Pattern.compile("^\\$\\[\\s*-?\\d+(\\s*,\\s*-?\\d+)*\\s*]$");

  private final String field;
  private final String text;
  private final JsonPath path;
  private final int[] indexes;
  private final IntFunction<int[]> pick; // null when not a plain column pick
  private final List<String> properties; // null when not a pick of top-level properties
  private volatile Picked last = new Picked(-1, null); // the last row width's columns

  /** The columns picked from rows of {@code n} fields. */
  private record Picked(int n, int[] columns) {}

  private FilterPath(String field, String text, JsonPath path, int[] indexes, String effective) {
    this.field = field;
    this.text = text;
    this.path = path;
    this.indexes = indexes;
    this.pick = path == null ? null : plainPick(effective, indexes);
    this.properties = path == null ? null : properties(effective);
  }

  /** The names of {@code $['a','b',...]} (two or more, without quotes or backslashes), or null. */
  private static List<String> properties(String effective) {
    if (!PROPERTIES.matcher(effective).matches()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Matcher name = Pattern.compile("'([^']*)'").matcher(effective);
    while (name.find()) {
      names.add(name.group(1));
    }
    return List.copyOf(names);
  }

  /**
   * The top-level properties this filter picks from an object, in the filter's order (the library
   * returns those present, in that order), when it is {@code $['a','b',...]}; null otherwise.
   */
  List<String> properties() {
    return properties;
  }

  public static FilterPath compile(String field, String text, SliceEnd sliceEnd) {
    String effective = sliceEnd == SliceEnd.INCLUSIVE ? inclusive(text) : text;
    Matcher m = INDEXES.matcher(text);
    int[] indexes =
        m.find()
            ? Arrays.stream(m.group(1).split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray()
            : new int[0];
    return new FilterPath(
        field, text, "$".equals(text) ? null : JsonPath.compile(effective), indexes, effective);
  }

  /** Rewrites {@code [a:b]} to {@code [a:b+1]} ({@code [a:]} when b is -1, a defaulting to 0). */
  static String inclusive(String text) {
    Matcher m = SLICE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int end = Integer.parseInt(m.group(2)) + 1;
      String start = m.group(1).trim();
      String slice = end == 0 ? (start.isEmpty() ? "0" : start) + ":" : start + ":" + end;
      m.appendReplacement(out, Matcher.quoteReplacement("[" + slice + "]"));
    }
    return m.appendTail(out).toString();
  }

  /**
   * The columns this filter picks from a row of {@code n} fields, in order, when it is a plain
   * column pick ({@code $[a:b]}, {@code $[a:]}, {@code $[:b]} with a and b not negative where both
   * are given, or {@code $[i,j,...]}), as the JSONPath library picks them; null for any other
   * filter, or for listed indexes outside the row (an error, which the exact path reports).
   */
  int[] columns(int n) {
    if (pick == null) {
      return null;
    }
    Picked picked = last;
    if (picked.n() != n) { // rows of one file have one width: computed once, not per row
      picked = new Picked(n, pick.apply(n));
      last = picked;
    }
    return picked.columns();
  }

  private static IntFunction<int[]> plainPick(String effective, int[] indexes) {
    Matcher slice = PLAIN_SLICE.matcher(effective);
    if (slice.matches()) {
      String from = slice.group(1);
      String to = slice.group(2);
      return n -> slice(from, to, n);
    }
    if (PLAIN_INDEXES.matcher(effective).matches()) {
      return n -> {
        int[] picked = new int[indexes.length];
        for (int k = 0; k < indexes.length; k++) {
          int i = indexes[k];
          if (i >= n || i < -n) {
            return null;
          }
          picked[k] = i < 0 ? n + i : i;
        }
        return picked;
      };
    }
    return null;
  }

  private static int[] slice(String fromText, String toText, int n) {
    int from;
    int to;
    if (toText.isEmpty()) { // [a:]: a negative counts from the end
      from = fromText.isEmpty() ? 0 : Integer.parseInt(fromText);
      from = Math.max(0, from < 0 ? n + from : from);
      to = n;
    } else if (fromText.isEmpty()) { // [:b]: b negative counts from the end
      from = 0;
      to = Integer.parseInt(toText);
      to = Math.min(n, to < 0 ? n + to : to);
    } else {
      from = Integer.parseInt(fromText);
      to = Integer.parseInt(toText);
      if (from < 0 || to < 0) {
        return null; // left to the library
      }
      to = Math.min(n, to);
    }
    if (from >= to) {
      return new int[0];
    }
    int[] picked = new int[to - from];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = from + i;
    }
    return picked;
  }

  public boolean isIdentity() {
    return path == null;
  }

  /**
   * Applies the filter to a parsed record (lists and maps); throws IllegalArgumentException with
   * the reason.
   */
  public Object apply(Object record) {
    if (path == null) {
      return record;
    }
    if (record instanceof List<?> list) {
      for (int index : indexes) {
        if (index >= list.size() || index < -list.size()) {
          throw new IllegalArgumentException(
              field
                  + " '"
                  + text
                  + "': index "
                  + index
                  + " is outside the record's "
                  + list.size()
                  + " fields");
        }
      }
    }
    try {
      return path.read(record, CONFIG);
    } catch (JsonPathException e) {
      throw new IllegalArgumentException(field + " '" + text + "': " + e.getMessage(), e);
    }
  }
}
