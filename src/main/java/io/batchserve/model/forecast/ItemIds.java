package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.batchserve.codec.Json;
import java.io.IOException;

/** Finds a bad record's {@code item_id} for its error message, whatever the order of its fields. */
final class ItemIds {
  private ItemIds() {}

  /**
   * The string {@code item_id} of the object starting at {@code body[from]}, or null if it has none
   * (so far).
   */
  static String peek(byte[] body, int from, int to) {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(body, from, to - from)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = "item_id".equals(p.currentName());
        JsonToken value = p.nextToken();
        if (wanted) {
          return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
