package io.batchserve.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits JSON and JSON Lines bodies into records, each with the place it came from ("line 3",
 * "record 3") for error messages.
 *
 * <p>{@code application/jsonlines}: one JSON value per line; a blank line is an error except for
 * one trailing line end. {@code application/json}: one object (one record), an array of records, or
 * {@code {"instances": [...]}}.
 */
public final class JsonRecords {
  /** One record: the parsed value and where it was, 1-based. */
  public record Located(JsonNode node, String where) {}

  private JsonRecords() {}

  public static List<Located> read(MediaType type, byte[] body, int length) {
    if (length == 0) {
      throw new BadInputException("request body is empty: send at least one record");
    }
    return MediaType.JSON_LINES.equals(type) ? jsonLines(body, length) : json(body, length);
  }

  public static List<Located> jsonLines(byte[] body, int length) {
    List<Located> records = new ArrayList<>();
    BodyLines.forEach(
        body,
        length,
        (from, to, line) ->
            records.add(new Located(parseLine(body, from, to, line), "line " + line)));
    return records;
  }

  private static JsonNode parseLine(byte[] body, int from, int end, int line) {
    if (isBlank(body, from, end)) {
      throw BadInputException.at(
          "line " + line, "the line is empty (every line must be one JSON record)");
    }
    try {
      return Json.MAPPER.readTree(body, from, end - from);
    } catch (JsonProcessingException e) {
      throw BadInputException.at("line " + line, "not valid JSON: " + problem(e));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  public static List<Located> json(byte[] body, int length) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body, 0, length);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new BadInputException("body is not valid JSON" + where + ": " + problem(e));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new BadInputException("request body is empty: send at least one record");
    }
    JsonNode instances = root.isObject() && root.size() == 1 ? root.get("instances") : null;
    if (instances != null && instances.isArray()) {
      return elements((ArrayNode) instances);
    }
    if (root.isArray() && !root.isEmpty() && (root.get(0).isObject() || root.get(0).isArray())) {
      return elements((ArrayNode) root);
    }
    if (root.isArray() && root.isEmpty()) {
      throw new BadInputException("the JSON array is empty: send at least one record");
    }
    return List.of(new Located(root, "record 1"));
  }

  private static List<Located> elements(ArrayNode array) {
    List<Located> records = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      records.add(new Located(array.get(i), "record " + (i + 1)));
    }
    if (records.isEmpty()) {
      throw new BadInputException("the JSON array is empty: send at least one record");
    }
    return records;
  }

  /**
   * The string value of a top-level field of the body's first record, without parsing the rest;
   * null when the body does not start with an object holding that field as a string. Used to route
   * a request to a model.
   */
  public static String peekField(byte[] body, int length, String field) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body, 0, length)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        token = parser.nextToken();
      }
      return token == JsonToken.START_OBJECT ? scanObject(parser, field, true) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Scans the object the parser has just entered; {@code {"instances": [...]}} is looked into once.
   */
  private static String scanObject(JsonParser parser, String field, boolean allowInstances)
      throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals(field)) {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
      }
      if (allowInstances && name.equals("instances") && value == JsonToken.START_ARRAY) {
        return parser.nextToken() == JsonToken.START_OBJECT
            ? scanObject(parser, field, false)
            : null;
      }
      parser.skipChildren();
    }
    return null;
  }

  /** Jackson's message without its source-location boilerplate. */
  private static String problem(JsonProcessingException e) {
    return Snippet.text(e.getOriginalMessage(), 300)
        .replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", "")
        .replaceAll("\\s*at \\[Source: [^\\]]*\\]", "");
  }

  private static boolean isBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
