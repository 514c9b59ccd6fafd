package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.batchserve.codec.Snippet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one request record, in any field order: {@code {"request_type", "item_id",
 * "historical_rows", "forecast_days", "target_cols", "future_rows"?, "special_days"?}}, and checks
 * it against the {@link ForecastRules}. Unknown fields are errors, so a misspelt one is never
 * silently ignored.
 *
 * <p>Not thread-safe; one parser serves the records of one body.
 */
final class RecordParser {
  private static final int W = ForecastFeatures.WINDOW;
  private static final float[] NO_QUANTILES = new float[0];
  private final ForecastRules rules;
  private final boolean quantilesCalibrated;
  private final HistoryParser history = new HistoryParser();
  private final HistoryScan scan = new HistoryScan();
  private final FutureParser future = new FutureParser();
  // Whether the history was read by scanHistory and the record holds [] in its place.
  private boolean scanned;
  // The record being read.
  private String requestType;
  private String itemId;
  private int days;
  private int horizon;
  private List<String> targets;
  private SpecialDays special;
  private float[] quantiles;

  RecordParser(ForecastRules rules, boolean quantilesCalibrated) {
    this.rules = rules;
    this.quantilesCalibrated = quantilesCalibrated;
  }

  /** Reads the object whose START_OBJECT the parser is on; leaves the parser on its END_OBJECT. */
  Series read(JsonParser p) throws IOException {
    scanned = false;
    return readFields(p);
  }

  /**
   * The fast path's first half: reads the {@code historical_rows} array starting at {@code b[from]}
   * with {@link HistoryScan}; returns where it ends, or -1 when it is not handled there.
   */
  int scanHistory(byte[] b, int from, int to) {
    return scan.read(b, from, to, history);
  }

  /**
   * The fast path's second half: reads the rest of the record, in which {@code historical_rows} is
   * now {@code []}, keeping the rows {@link #scanHistory} read.
   */
  Series readAfterScan(JsonParser p) throws IOException {
    scanned = true;
    return readFields(p);
  }

  private Series readFields(JsonParser p) throws IOException {
    requestType = null;
    itemId = null;
    days = -1;
    horizon = 0;
    targets = null;
    special = null;
    quantiles = null;
    future.clear();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      field(name, p, p.nextToken());
    }
    return series();
  }

  private void field(String name, JsonParser p, JsonToken t) throws IOException {
    switch (name) {
      case "request_type" -> {
        Tokens.once(requestType != null, name);
        requestType = Tokens.text(p, t, name);
      }
      case "item_id" -> {
        Tokens.once(itemId != null, name);
        itemId = Tokens.text(p, t, name);
      }
      case "historical_rows" -> {
        Tokens.once(days >= 0, name);
        days = scanned ? scannedDays(p, t) : history.read(p, t);
      }
      case "forecast_days" -> {
        Tokens.once(horizon != 0, name);
        horizon = Tokens.wholeNumber(p, t, name, 1, rules.maxForecastDays());
      }
      case "target_cols" -> {
        Tokens.once(targets != null, name);
        targets = targets(p, t);
      }
      case "future_rows" -> future.read(p, t);
      case "special_days" -> {
        Tokens.once(special != null, name);
        special = specialDays(p, t);
      }
      case "quantiles" -> {
        Tokens.once(quantiles != null, name);
        quantiles = quantiles(p, t);
      }
      default ->
          throw new RecordProblem(
              "unknown field '"
                  + Snippet.text(name)
                  + "'; a record has request_type, item_id, historical_rows, forecast_days, "
                  + "target_cols and, optionally, future_rows, special_days and quantiles");
    }
  }

  private int scannedDays(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY || p.nextToken() != JsonToken.END_ARRAY) {
      throw new IllegalStateException("the scanned history's place holds more than []");
    }
    return history.days();
  }

  private Series series() {
    if (requestType != null) {
      checkRequestType(requestType);
    }
    checkPresent(requestType, itemId, days, horizon, targets);
    if (days < rules.minHistoryDays()) {
      throw new RecordProblem(
          "historical_rows has "
              + days
              + (days == 1 ? " day" : " days")
              + "; the model needs at least "
              + rules.minHistoryDays()
              + " consecutive days of history");
    }
    float[] sales = new float[W];
    boolean[] promo = new boolean[W];
    float[] price = history.priced() ? new float[W] : null;
    history.copyRecent(sales, promo, price);
    long lastDay = history.lastDay();
    boolean[] futurePromo = future.flags(lastDay, horizon);
    float[] futurePrice = future.prices(lastDay, horizon, history.lastPrice());
    return new Series(
        itemId,
        lastDay,
        sales,
        promo,
        price,
        horizon,
        futurePromo,
        futurePrice,
        future.given(),
        special == null ? SpecialDays.EMPTY : special,
        targets,
        quantiles == null ? NO_QUANTILES : quantiles);
  }

  /**
   * An array of distinct levels in [{@value QuantileTable#MIN_LEVEL}, {@value
   * QuantileTable#MAX_LEVEL}], in any order; returned ascending.
   */
  private float[] quantiles(JsonParser p, JsonToken token) throws IOException {
    String what =
        "quantiles must be an array of levels between "
            + QuantileTable.MIN_LEVEL
            + " and "
            + QuantileTable.MAX_LEVEL;
    Tokens.expect(token, JsonToken.START_ARRAY, p, what);
    if (!quantilesCalibrated) {
      throw new RecordProblem(
          "quantiles: this model has no quantile calibration (its descriptor names no '"
              + QuantileTable.FIELD
              + "' file)");
    }
    float[] levels = new float[4];
    int count = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (count == levels.length) {
        levels = Arrays.copyOf(levels, count * 2);
      }
      levels[count] = Tokens.level(p, t, "quantiles[" + count + "]");
      count++;
    }
    float[] sorted = Arrays.copyOf(levels, count);
    Arrays.sort(sorted);
    for (int i = 1; i < count; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new RecordProblem(
            "quantiles lists " + QuantileTable.key(sorted[i]) + " twice; list each level once");
      }
    }
    return sorted;
  }

  /** An array of distinct dates, in any order. */
  private static SpecialDays specialDays(JsonParser p, JsonToken token) throws IOException {
    Tokens.expect(
        token, JsonToken.START_ARRAY, p, "special_days must be an array of \"yyyy-MM-dd\" dates");
    long[] days = new long[8];
    int count = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (count == days.length) {
        days = Arrays.copyOf(days, count * 2);
      }
      days[count] = Tokens.day(p, t, "special_days[" + count + "]");
      count++;
    }
    long[] sorted = Arrays.copyOf(days, count);
    Arrays.sort(sorted);
    for (int i = 1; i < count; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new RecordProblem(
            "special_days lists " + Days.format(sorted[i]) + " twice; list each day once");
      }
    }
    return SpecialDays.of(sorted);
  }

  private static void checkPresent(
      String requestType, String itemId, int days, int horizon, List<String> targets) {
    List<String> missing = new ArrayList<>();
    addIf(missing, requestType == null, "request_type");
    addIf(missing, itemId == null, "item_id");
    addIf(missing, days < 0, "historical_rows");
    addIf(missing, horizon == 0, "forecast_days");
    addIf(missing, targets == null, "target_cols");
    if (!missing.isEmpty()) {
      throw new RecordProblem("missing " + String.join(", ", missing));
    }
  }

  private static void addIf(List<String> names, boolean condition, String name) {
    if (condition) {
      names.add(name);
    }
  }

  private void checkRequestType(String requestType) {
    if (!rules.requestTypes().contains(requestType)) {
      throw new RecordProblem(
          "request_type \""
              + Snippet.text(requestType)
              + "\" is not for this model; use "
              + String.join(
                  " or ",
                  rules.requestTypes().stream().sorted().map(t -> "\"" + t + "\"").toList()));
    }
  }

  /** A non-empty array of distinct target names, each one the model computes. */
  private List<String> targets(JsonParser p, JsonToken token) throws IOException {
    Tokens.expect(token, JsonToken.START_ARRAY, p, "target_cols must be an array of strings");
    List<String> targets = new ArrayList<>(1);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      String name = Tokens.text(p, t, "target_cols[" + targets.size() + "]");
      int known = rules.targets().indexOf(name);
      if (known < 0) {
        throw new RecordProblem(
            "unknown target_cols entry \""
                + Snippet.text(name)
                + "\"; this model forecasts "
                + String.join(", ", rules.targets()));
      }
      if (targets.contains(name)) {
        throw new RecordProblem("target_cols names \"" + Snippet.text(name) + "\" twice");
      }
      targets.add(rules.targets().get(known));
    }
    if (targets.isEmpty()) {
      throw new RecordProblem(
          "target_cols is empty; name at least one of " + String.join(", ", rules.targets()));
    }
    return targets.equals(rules.targets()) ? rules.targets() : List.copyOf(targets);
  }
}
