package io.batchserve.transform.process;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DataProcessing for {@code application/json} and {@code application/jsonlines}. JoinSource Input
 * puts the response under {@code SageMakerOutput} in the input object ({@code {"key":1}} and {@code
 * {"label":1}} make {@code {"key":1,"SageMakerOutput":{"label":1}}}); an input that is not an
 * object becomes {@code {"SageMakerInput":input,"SageMakerOutput":output}}.
 */
final class JsonProcessor extends AbstractProcessor {
  private static final String OUTPUT = "SageMakerOutput";

  /** Reads one value inside a record (the record's end is checked by the caller). */
  private static final ObjectReader VALUE =
      FilterPath.MAPPER
          .readerFor(Object.class)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The OutputFilter's names in UTF-8, null for repeats and SageMakerOutput; null without one. */
  private final byte[][] pickedNames;

  /** The mapper's writing of each picked name, quoted, with its colon. */
  private final byte[][] pickedKeys;

  JsonProcessor(FilterPath in, boolean joins, FilterPath out) {
    super(in, joins, out);
    List<String> names = out.properties();
    pickedNames = names == null ? null : new byte[names.size()][];
    pickedKeys = names == null ? null : new byte[names.size()][];
    for (int i = 0; names != null && i < names.size(); i++) {
      String name = names.get(i);
      if (names.indexOf(name) == i) {
        pickedKeys[i] = concat(write(name), new byte[] {':'});
        pickedNames[i] = name.equals(OUTPUT) ? null : name.getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  @Override
  public byte[] input(byte[] record) {
    return in.isIdentity() ? record : write(in.apply(parse(record, "input record")));
  }

  @Override
  public byte[] output(byte[] original, byte[] response) {
    if (joins && out.properties() != null) {
      byte[] scanned = pickScanned(original, response);
      if (scanned != null) {
        return scanned;
      }
      byte[] fast = pickJoined(original, response, out.properties());
      if (fast != null) {
        return fast;
      }
    }
    return exactOutput(original, response);
  }

  /** The output through a whole parse of both records and the JSONPath library. */
  byte[] exactOutput(byte[] original, byte[] response) {
    Object result = parse(response, "response record");
    if (joins) {
      result = join(parse(original, "input record"), result);
    }
    return write(out.apply(result));
  }

  /**
   * The fastest path of the usual JSON join: both records read by {@link JsonScan} without building
   * a value, the picked values copied as they came when that is how the mapper writes them (read
   * and written by it otherwise). Null when the scanner does not take a record: the other paths
   * then decide, so the bytes or the error are always theirs.
   */
  byte[] pickScanned(byte[] original, byte[] response) {
    JsonScan.Members members = new JsonScan.Members(32);
    if (!new JsonScan(original).object(members)) {
      return null;
    }
    JsonScan answer = new JsonScan(response);
    int[] range = new int[2];
    if (!answer.whole(range)) {
      return null;
    }
    Piece[] values = new Piece[pickedKeys.length];
    int length = 2; // the braces
    for (int k = 0; k < pickedKeys.length; k++) {
      if (pickedKeys[k] == null) {
        continue; // a name the filter repeats
      }
      values[k] =
          pickedNames[k] != null
              ? member(members, original, pickedNames[k])
              : answer.verbatim()
                  ? new Piece(response, range[0], range[1])
                  : Piece.of(write(parse(response, "response record")));
      if (values[k] != null) {
        length += (length > 2 ? 1 : 0) + pickedKeys[k].length + values[k].length();
      }
    }
    byte[] joined = new byte[length];
    int at = 0;
    joined[at++] = '{';
    for (int k = 0; k < pickedKeys.length; k++) {
      if (values[k] != null) {
        if (at > 1) {
          joined[at++] = ',';
        }
        System.arraycopy(pickedKeys[k], 0, joined, at, pickedKeys[k].length);
        at += pickedKeys[k].length;
        at = values[k].copyTo(joined, at);
      }
    }
    joined[at] = '}';
    return joined;
  }

  /**
   * The value of the member named {@code name}: its bytes as they came when the mapper would write
   * them so, else the mapper's writing of it; null when the record has no such member.
   */
  private static Piece member(JsonScan.Members members, byte[] original, byte[] name) {
    int i = find(members, original, name);
    if (i < 0) {
      return null;
    }
    int start = members.valueStart(i);
    int end = members.valueEnd(i);
    return members.verbatim(i)
        ? new Piece(original, start, end)
        : Piece.of(write(parse(Arrays.copyOfRange(original, start, end), "")));
  }

  /** The bytes {@code [start, end)} of an array. */
  private record Piece(byte[] bytes, int start, int end) {
    static Piece of(byte[] bytes) {
      return new Piece(bytes, 0, bytes.length);
    }

    int length() {
      return end - start;
    }

    /** Copies the bytes into {@code to} at {@code at}; returns the offset after them. */
    int copyTo(byte[] to, int at) {
      System.arraycopy(bytes, start, to, at, end - start);
      return at + end - start;
    }
  }

  private static int find(JsonScan.Members members, byte[] original, byte[] name) {
    for (int i = 0; i < members.count(); i++) {
      if (members.named(original, i, name)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /**
   * The fast path of the usual JSON join ({@code JoinSource Input} with {@code OutputFilter
   * $['id','SageMakerOutput']}): the input object is streamed, and only the picked properties are
   * read (as the whole parse reads them, the last of a repeated name winning); the others are
   * skipped unread. The result is built as the library builds it: the picked names present, in the
   * filter's order, {@code SageMakerOutput} being the response. Null, for the exact path, when the
   * input is not a JSON object or cannot be read (the exact path then reports it).
   */
  static byte[] pickJoined(byte[] original, byte[] response, List<String> names) {
    Map<String, Object> found = new HashMap<>();
    try (JsonParser parser = FilterPath.MAPPER.createParser(original)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = parser.currentName();
        parser.nextToken();
        if (names.contains(name) && !name.equals(OUTPUT)) {
          found.put(name, VALUE.readValue(parser));
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null; // anything after the object: the exact path's error
      }
    } catch (IOException e) {
      return null;
    }
    Object output = parse(response, "response record");
    Map<String, Object> picked = new LinkedHashMap<>();
    for (String name : names) {
      if (name.equals(OUTPUT)) {
        picked.put(name, output);
      } else if (found.containsKey(name)) {
        picked.put(name, found.get(name));
      }
    }
    return write(picked);
  }

  static Object join(Object input, Object output) {
    Map<String, Object> joined = new LinkedHashMap<>();
    if (input instanceof Map<?, ?> map) {
      map.forEach((k, v) -> joined.put(String.valueOf(k), v));
    } else {
      joined.put("SageMakerInput", input);
    }
    joined.put("SageMakerOutput", output);
    return joined;
  }

  private static Object parse(byte[] record, String what) {
    try {
      return FilterPath.MAPPER.readValue(record, Object.class);
    } catch (IOException e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new IllegalArgumentException(what + " is not JSON: " + message, e);
    }
  }

  private static byte[] write(Object value) {
    try {
      return FilterPath.MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }
}
