package io.batchserve.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.BadInputException;
import io.batchserve.codec.FloatMatrix;
import io.batchserve.codec.JsonRecords.Located;
import io.batchserve.codec.Snippet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON records into feature rows. A record is either an array of numbers in schema order, or
 * an object whose keys are feature names. A missing key or {@code null} is a missing value. {@code
 * request_type} must name this model when present; keys listed as passthrough (such as an id) are
 * ignored; any other key is an error, so that a misspelt feature is never silently scored as
 * missing.
 */
record JsonFeatures(
    String model, List<String> features, List<String> passthrough, Set<String> requestTypes) {
  FloatMatrix toMatrix(List<Located> records) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      index.put(features.get(i), i);
    }
    int width = features.size();
    float[] values = new float[Math.multiplyExact(records.size(), width)];
    Arrays.fill(values, Float.NaN);
    for (int row = 0; row < records.size(); row++) {
      Located record = records.get(row);
      if (record.node().isObject()) {
        fromObject(record, index, values, row * width);
      } else if (record.node().isArray()) {
        fromArray(record, values, row * width);
      } else {
        throw BadInputException.at(
            record.where(),
            "expected a JSON object of named features or an array of numbers, got "
                + kind(record.node()));
      }
    }
    return new FloatMatrix(values, records.size(), width);
  }

  private void fromObject(Located record, Map<String, Integer> index, float[] out, int base) {
    var fields = record.node().fields();
    while (fields.hasNext()) {
      var field = fields.next();
      Integer column = index.get(field.getKey());
      if (column != null) {
        out[base + column] =
            number(
                field.getValue(),
                record.where() + ", field '" + Snippet.text(field.getKey()) + "'");
      } else if (field.getKey().equals("request_type")) {
        checkRequestType(record, field.getValue());
      } else if (!passthrough.contains(field.getKey())) {
        throw BadInputException.at(
            record.where(),
            "unknown field '"
                + Snippet.text(field.getKey())
                + "': model "
                + "'"
                + model
                + "' reads "
                + features.size()
                + " features named "
                + String.join(", ", features));
      }
    }
  }

  private void fromArray(Located record, float[] out, int base) {
    JsonNode array = record.node();
    if (array.size() != features.size()) {
      throw BadInputException.at(
          record.where(), "has " + array.size() + " values, expected " + features.size());
    }
    for (int i = 0; i < array.size(); i++) {
      out[base + i] =
          number(
              array.get(i), record.where() + ", column " + (i + 1) + " (" + features.get(i) + ")");
    }
  }

  private void checkRequestType(Located record, JsonNode value) {
    String type = value.isTextual() ? value.asText() : null;
    if (type == null || !(type.equals(model) || requestTypes.contains(type))) {
      throw BadInputException.at(
          record.where(),
          "request_type "
              + Snippet.text(value.toString())
              + " is not for "
              + "model '"
              + model
              + "'");
    }
  }

  private static float number(JsonNode value, String where) {
    if (value.isNull()) {
      return Float.NaN;
    }
    if (!value.isNumber()) {
      throw BadInputException.at(
          where,
          "expected a number or null, got " + kind(value) + " " + Snippet.text(value.toString()));
    }
    float f = (float) value.doubleValue();
    if (Float.isInfinite(f)) {
      throw BadInputException.at(
          where, Snippet.text(value.toString()) + " is out of the float range");
    }
    return f;
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
