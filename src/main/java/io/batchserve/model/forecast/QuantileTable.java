package io.batchserve.model.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Forecast quantiles from the empirical distribution of the model's own errors on a calibration
 * set. An error is scaled to the forecast, {@code r = (actual - forecast) / max(forecast, 1)}
 * (relative above one unit a day, in units below), and the table holds the quantiles of r at the
 * levels 0.01, 0.02, ..., 0.99 for each bucket of:
 *
 * <ul>
 *   <li>whether the record sent {@code future_rows} (errors are smaller when the horizon's
 *       promotions and prices are known);
 *   <li>the horizon week, days 1-7, 8-14, 15-21, 22-28, and 29 on (errors grow as predictions are
 *       fed back; beyond day 31 the calibration has no data and the last bucket is reused);
 *   <li>the forecast's size: below 1, 1-3, 3-10, 10-30, 30-100, 100 and above (small counts have
 *       relatively wider errors).
 * </ul>
 *
 * The quantile at level p of a forecast f is {@code max(0, f + r_p * max(f, 1))}, r_p interpolated
 * linearly between the two nearest levels. The table's quantiles rise with the level, so quantiles
 * of one forecast never cross.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuantileTable {
  /** The descriptor field naming the table's file, beside the model. */
  public static final String FIELD = "quantiles";

  /** Levels 0.01 .. 0.99. */
  public static final int LEVELS = 99;

  public static final double MIN_LEVEL = 0.01;
  public static final double MAX_LEVEL = 0.99;
  public static final int WEEKS = 5;

  /** Upper edges of the forecast-size bins; the last bin is open. */
  private static final float[] EDGES = {1, 3, 10, 30, 100};

  public static final int BINS = EDGES.length + 1;

  /** {@code r[future rows ? 1 : 0][week][bin][level - 1]}. */
  private final float[][][][] r;

  public QuantileTable(float[][][][] r) {
    if (r.length != 2) {
      throw new IllegalArgumentException(
          "2 tables (without and with future_rows), got " + r.length);
    }
    for (int k = 0; k < 2; k++) {
      check(r[k], k);
    }
    this.r = r;
  }

  private static void check(float[][][] table, int known) {
    String name = known == 1 ? "with_future_rows" : "without_future_rows";
    if (table.length != WEEKS) {
      throw new IllegalArgumentException(name + ": " + WEEKS + " weeks, got " + table.length);
    }
    for (int w = 0; w < WEEKS; w++) {
      if (table[w].length != BINS) {
        throw new IllegalArgumentException(
            name + "[" + w + "]: " + BINS + " bins, got " + table[w].length);
      }
      for (int b = 0; b < BINS; b++) {
        float[] levels = table[w][b];
        String at = name + "[" + w + "][" + b + "]";
        if (levels.length != LEVELS) {
          throw new IllegalArgumentException(at + ": " + LEVELS + " levels, got " + levels.length);
        }
        for (int i = 0; i < LEVELS; i++) {
          if (!Float.isFinite(levels[i]) || (i > 0 && levels[i] < levels[i - 1])) {
            throw new IllegalArgumentException(
                at + "[" + i + "]: " + levels[i] + " (values must be finite and never fall)");
          }
        }
      }
    }
  }

  /** A level as the key of an answer's {@code quantiles} object: {@code "0.1"}, {@code "0.05"}. */
  public static String key(float level) {
    return Float.toString(level);
  }

  /** The horizon week of forecast day {@code day} (0-based). */
  public static int week(int day) {
    return Math.min(day / 7, WEEKS - 1);
  }

  /** The size bin of a forecast. */
  public static int bin(float forecast) {
    int b = 0;
    while (b < EDGES.length && forecast >= EDGES[b]) {
      b++;
    }
    return b;
  }

  /** The error of a forecast, scaled as the table's errors are. */
  public static float scaledError(float actual, float forecast) {
    return (actual - forecast) / Math.max(forecast, 1f);
  }

  /**
   * The quantile at {@code level} (0.01-0.99) of forecast {@code forecast} for day {@code day}
   * (0-based) of a record with or without {@code future_rows}.
   */
  public float quantile(boolean futureRows, int day, float forecast, double level) {
    float[] grid = r[futureRows ? 1 : 0][week(day)][bin(forecast)];
    double position = level * 100 - 1;
    int i = Math.max(0, Math.min((int) position, LEVELS - 2));
    double fraction = Math.min(1, Math.max(0, position - i));
    double error = grid[i] + fraction * (grid[i + 1] - grid[i]);
    return (float) Math.max(0, forecast + error * Math.max(forecast, 1f));
  }

  /** Reads a table written by {@link #write}; a bad file is an IOException naming it and why. */
  public static QuantileTable read(Path file) throws IOException {
    JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
    float[][][][] r = new float[2][][][];
    try {
      r[0] = weeks(root, "without_future_rows");
      r[1] = weeks(root, "with_future_rows");
      return new QuantileTable(r);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static float[][][] weeks(JsonNode root, String field) {
    JsonNode weeks = root == null ? null : root.get(field);
    if (weeks == null || !weeks.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be an array of weeks");
    }
    float[][][] out = new float[weeks.size()][][];
    for (int w = 0; w < weeks.size(); w++) {
      JsonNode bins = weeks.get(w);
      out[w] = new float[bins.size()][];
      for (int b = 0; b < bins.size(); b++) {
        JsonNode levels = bins.get(b);
        out[w][b] = new float[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
          if (!levels.get(i).isNumber()) {
            throw new IllegalArgumentException(
                field + "[" + w + "][" + b + "][" + i + "] is not a number: " + levels.get(i));
          }
          out[w][b][i] = levels.get(i).floatValue();
        }
      }
    }
    return out;
  }

  /** The table as JSON, with a note on how to read it. */
  public ObjectNode toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put(
        "about",
        "Quantiles of the scaled error (actual - forecast) / max(forecast, 1) at levels 0.01 .. "
            + "0.99, per horizon week (days 1-7, 8-14, 15-21, 22-28, 29 on) and forecast size "
            + "(below 1, 1-3, 3-10, 10-30, 30-100, 100 on); see docs/forecaster.md");
    write(root.putArray("without_future_rows"), r[0]);
    write(root.putArray("with_future_rows"), r[1]);
    return root;
  }

  private static void write(ArrayNode out, float[][][] table) {
    for (float[][] week : table) {
      ArrayNode bins = out.addArray();
      for (float[] levels : week) {
        ArrayNode values = bins.addArray();
        for (float v : levels) {
          values.add(v);
        }
      }
    }
  }
}
