package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.batchserve.codec.Snippet;
import java.io.IOException;
import java.util.Locale;

/**
 * Typed reads of the current JSON value, each failing with a {@link RecordProblem} that names the
 * field.
 */
final class Tokens {
  private Tokens() {}

  static String text(JsonParser p, JsonToken token, String field) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw new RecordProblem(field + " must be a string, got " + describe(p, token));
    }
    return p.getText();
  }

  /**
   * A field read a second time in one object (parsers run without Jackson's duplicate detection,
   * see BodyReader).
   */
  static void once(boolean alreadyRead, String field) {
    if (alreadyRead) {
      throw new RecordProblem("field '" + Snippet.text(field) + "' appears twice");
    }
  }

  /** The epoch day of an ISO {@code yyyy-MM-dd} date string. */
  static long day(JsonParser p, JsonToken token, String field) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw new RecordProblem(
          field + " must be a date string as yyyy-MM-dd, got " + describe(p, token));
    }
    try {
      return Days.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    } catch (IllegalArgumentException e) {
      throw new RecordProblem(
          field + " \"" + shorten(p.getText()) + "\" is not a date: " + e.getMessage());
    }
  }

  /** A whole number (written with or without a fraction of zero) in {@code [min, max]}. */
  static int wholeNumber(JsonParser p, JsonToken token, String field, int min, int max)
      throws IOException {
    boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    double value = number ? p.getDoubleValue() : Double.NaN;
    if (!number || value != Math.rint(value)) {
      throw new RecordProblem(field + " must be a whole number, got " + describe(p, token));
    }
    if (value < min || value > max) {
      throw new RecordProblem(
          field + " must be between " + min + " and " + max + ", got " + p.getText());
    }
    return (int) value;
  }

  /** A finite number that is not negative. */
  static float sales(JsonParser p, JsonToken token, String field) throws IOException {
    double value = number(p, token, field);
    if (value < 0) {
      throw new RecordProblem(field + " must not be negative, got " + p.getText());
    }
    return finiteFloat(value, p, field);
  }

  /** A price: a finite number above 0. */
  static float price(JsonParser p, JsonToken token, String field) throws IOException {
    double value = number(p, token, field);
    if (!(value > 0) || (float) value == 0f) {
      throw new RecordProblem(field + " must be above 0, got " + shorten(p.getText()));
    }
    return finiteFloat(value, p, field);
  }

  /** A quantile level: a number in [0.01, 0.99]. */
  static float level(JsonParser p, JsonToken token, String field) throws IOException {
    double value = number(p, token, field);
    if (!(value >= QuantileTable.MIN_LEVEL && value <= QuantileTable.MAX_LEVEL)) {
      throw new RecordProblem(
          field
              + " must be between "
              + QuantileTable.MIN_LEVEL
              + " and "
              + QuantileTable.MAX_LEVEL
              + ", got "
              + shorten(p.getText()));
    }
    return (float) value;
  }

  private static double number(JsonParser p, JsonToken token, String field) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new RecordProblem(field + " must be a number, got " + describe(p, token));
    }
    return p.getDoubleValue();
  }

  private static float finiteFloat(double value, JsonParser p, String field) throws IOException {
    if (value > Float.MAX_VALUE) {
      throw new RecordProblem(field + " is too large: " + shorten(p.getText()));
    }
    return (float) value;
  }

  /** A promotion flag: 0, 1, true or false. */
  static boolean flag(JsonParser p, JsonToken token, String field) throws IOException {
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_NUMBER_INT && p.getTextLength() == 1) {
      char digit = p.getTextCharacters()[p.getTextOffset()];
      if (digit == '0' || digit == '1') {
        return digit == '1';
      }
    }
    throw new RecordProblem(field + " must be 0 or 1, got " + describe(p, token));
  }

  static void expect(JsonToken token, JsonToken expected, JsonParser p, String what)
      throws IOException {
    if (token != expected) {
      throw new RecordProblem(what + ", got " + describe(p, token));
    }
  }

  /** The JSON type of the current value, and the value itself when it is short. */
  static String describe(JsonParser p, JsonToken token) throws IOException {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string \"" + shorten(p.getText()) + "\"";
      case VALUE_NULL -> "null";
      case VALUE_TRUE, VALUE_FALSE -> token.asString();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(p.getText());
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String shorten(String text) {
    return Snippet.text(text, 40);
  }
}
