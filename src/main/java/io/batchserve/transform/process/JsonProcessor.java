package io.batchserve.transform.process;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
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
  /** Reads one value inside a record (the record's end is checked by the caller). */
  private static final ObjectReader VALUE =
      FilterPath.MAPPER
          .readerFor(Object.class)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  JsonProcessor(FilterPath in, boolean joins, FilterPath out) {
    super(in, joins, out);
  }

  @Override
  public byte[] input(byte[] record) {
    return in.isIdentity() ? record : write(in.apply(parse(record, "input record")));
  }

  @Override
  public byte[] output(byte[] original, byte[] response) {
    if (joins && out.properties() != null) {
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
        if (names.contains(name) && !name.equals("SageMakerOutput")) {
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
      if (name.equals("SageMakerOutput")) {
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
