package io.batchserve.transform.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DataProcessing for {@code application/json} and {@code application/jsonlines}. JoinSource Input
 * puts the response under {@code SageMakerOutput} in the input object ({@code {"key":1}} and {@code
 * {"label":1}} make {@code {"key":1,"SageMakerOutput":{"label":1}}}); an input that is not an
 * object becomes {@code {"SageMakerInput":input,"SageMakerOutput":output}}.
 */
final class JsonProcessor extends AbstractProcessor {
  JsonProcessor(FilterPath in, boolean joins, FilterPath out) {
    super(in, joins, out);
  }

  @Override
  public byte[] input(byte[] record) {
    return in.isIdentity() ? record : write(in.apply(parse(record, "input record")));
  }

  @Override
  public byte[] output(byte[] original, byte[] response) {
    Object result = parse(response, "response record");
    if (joins) {
      result = join(parse(original, "input record"), result);
    }
    return write(out.apply(result));
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
