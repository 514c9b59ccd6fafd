package io.batchserve.transform.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.batchserve.codec.Json;
import java.util.Arrays;
import java.util.List;
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

  private final String field;
  private final String text;
  private final JsonPath path;
  private final int[] indexes;

  private FilterPath(String field, String text, JsonPath path, int[] indexes) {
    this.field = field;
    this.text = text;
    this.path = path;
    this.indexes = indexes;
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
        field, text, "$".equals(text) ? null : JsonPath.compile(effective), indexes);
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
