package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonGenerator;
import io.batchserve.codec.Json;
import io.batchserve.codec.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes forecasts, one answer object per request record and in request order: {@code
 * {"item_id":"A001","forecast":[{"date":"2026-01-02","daily_sales":151.2},...]}}, with one key per
 * requested target. {@code application/jsonlines}: one object per line, every line ending with
 * {@code \n}. {@code application/json}: the object alone when the request was one object, {@code
 * {"predictions":[...]}} when it was {@code {"instances":[...]}}, else an array of them.
 *
 * <p>Forecast values are written rounded to 2 decimal places, with at least one ({@code 3.0},
 * {@code 0.37}). A record that asked for {@code quantiles} gets, on each day after the targets,
 * {@code "quantiles":{"0.1":120.4,"0.9":183.0}}, levels ascending, from the model's {@link
 * QuantileTable}.
 */
final class ForecastEncoder {
  private ForecastEncoder() {}

  static byte[] encode(Forecasts forecasts, MediaType type) {
    return encode(forecasts, type, null);
  }

  /** {@code table} may be null when no record asked for quantiles. */
  static byte[] encode(Forecasts forecasts, MediaType type, QuantileTable table) {
    List<Series> series = forecasts.series();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + series.size() * 64 * 32);
    boolean lines = MediaType.JSON_LINES.equals(type);
    ForecastRequest.Shape shape = forecasts.request().shape();
    boolean array = !lines && shape != ForecastRequest.Shape.OBJECT;
    boolean wrapped = !lines && shape == ForecastRequest.Shape.INSTANCES;
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.setRootValueSeparator(null);
      if (wrapped) {
        g.writeStartObject();
        g.writeFieldName("predictions");
      }
      if (array) {
        g.writeStartArray();
      }
      char[] scratch = new char[24];
      for (int i = 0; i < series.size(); i++) {
        item(g, series.get(i), forecasts.values()[i], scratch, table);
        if (lines) {
          g.writeRaw('\n');
        }
      }
      if (array) {
        g.writeEndArray();
      }
      if (wrapped) {
        g.writeEndObject();
      }
      if (!lines) {
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void item(
      JsonGenerator g, Series s, float[] values, char[] scratch, QuantileTable table)
      throws IOException {
    float[] levels = s.quantiles();
    String[] keys = new String[levels.length];
    for (int q = 0; q < levels.length; q++) {
      keys[q] = QuantileTable.key(levels[q]);
    }
    g.writeStartObject();
    g.writeStringField("item_id", s.itemId());
    g.writeArrayFieldStart("forecast");
    for (int d = 0; d < values.length; d++) {
      g.writeStartObject();
      Days.write(s.lastDay() + d + 1, scratch);
      g.writeFieldName("date");
      g.writeString(scratch, 0, Days.LENGTH);
      int length = hundredths(values[d], scratch);
      for (String target : s.targets()) {
        g.writeFieldName(target);
        g.writeRawValue(scratch, 0, length);
      }
      if (levels.length > 0) {
        g.writeObjectFieldStart("quantiles");
        for (int q = 0; q < levels.length; q++) {
          g.writeFieldName(keys[q]);
          float value = table.quantile(s.futureRows(), d, values[d], levels[q]);
          g.writeRawValue(scratch, 0, hundredths(value, scratch));
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * Writes a non-negative value rounded to 2 decimals into {@code out} (at least 22 chars), digit
   * by digit without a String (31,000 values in a 1,000-item request); returns the length.
   */
  static int hundredths(float value, char[] out) {
    long cents = Math.round(value * 100.0);
    long whole = cents / 100;
    int at = 1;
    for (long rest = whole; rest >= 10; rest /= 10) {
      at++;
    }
    long rest = whole;
    for (int i = at - 1; i >= 0; i--, rest /= 10) {
      out[i] = (char) ('0' + rest % 10);
    }
    out[at++] = '.';
    out[at++] = (char) ('0' + cents % 100 / 10);
    if (cents % 10 != 0) {
      out[at++] = (char) ('0' + cents % 10);
    }
    return at;
  }
}
