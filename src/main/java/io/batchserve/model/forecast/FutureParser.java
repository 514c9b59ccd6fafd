package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads {@code future_rows}: objects {@code {"date": "yyyy-MM-dd", "promo": 0|1, "price": p}}, each
 * with a promotion flag, a price or both, giving what is known of forecast days, in any order. A
 * day not listed, or listed without {@code promo}, has no promotion; a price holds from its day
 * until the next listed price (before the first, the last history price holds). Checked once the
 * history's last day and the horizon are known (they may come later in the record): each date must
 * be after the history and listed once, and prices need prices in the history; dates after the
 * horizon are allowed and ignored.
 *
 * <p>Not thread-safe; reused for the records of one body.
 */
final class FutureParser {
  private long[] days = new long[8];
  private boolean[] promo = new boolean[8];
  private float[] price = new float[8];
  private int count;
  private final DayRow row = new DayRow();
  private boolean given;

  /** Forgets the previous record's rows. */
  void clear() {
    count = 0;
    given = false;
  }

  /** Whether this record sent {@code future_rows} (even an empty array). */
  boolean given() {
    return given;
  }

  /** Reads the array ({@code token} is its first token) of this record's {@code future_rows}. */
  void read(JsonParser p, JsonToken token) throws IOException {
    Tokens.once(given, "future_rows");
    given = true;
    Tokens.expect(
        token,
        JsonToken.START_ARRAY,
        p,
        "future_rows must be an array of {date, promo, price} objects");
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      try {
        readRow(p, t);
      } catch (RecordProblem e) {
        throw new RecordProblem("future_rows[" + count + "]: " + e.getMessage());
      }
    }
  }

  /** The promotion flag of each of the {@code horizon} days after {@code lastDay}. */
  boolean[] flags(long lastDay, int horizon) {
    boolean[] flags = new boolean[horizon];
    if (count == 0) {
      return flags;
    }
    boolean[] seen = new boolean[horizon];
    for (int i = 0; i < count; i++) {
      long offset = days[i] - lastDay - 1;
      if (offset < 0) {
        throw new RecordProblem(
            "future_rows["
                + i
                + "]: date "
                + Days.format(days[i])
                + " is not after the last "
                + "history date "
                + Days.format(lastDay));
      }
      if (offset < horizon && seen[(int) offset]) {
        throw new RecordProblem("future_rows[" + i + "]: duplicate date " + Days.format(days[i]));
      }
      if (offset < horizon) {
        seen[(int) offset] = true;
        flags[(int) offset] = promo[i];
      }
    }
    return flags;
  }

  /**
   * The price of each of the {@code horizon} days after {@code lastDay}, starting from {@code
   * lastPrice} (NaN without history prices, when no row may have a price). Call after {@link
   * #flags}, which checks the dates.
   */
  float[] prices(long lastDay, int horizon, float lastPrice) {
    if (Float.isNaN(lastPrice)) {
      for (int i = 0; i < count; i++) {
        if (!Float.isNaN(price[i])) {
          throw new RecordProblem(
              "future_rows["
                  + i
                  + "]: price given, but historical_rows have no price; send prices in the "
                  + "history too, or none");
        }
      }
      return null;
    }
    float[] prices = new float[horizon];
    Arrays.fill(prices, Float.NaN);
    for (int i = 0; i < count; i++) {
      long offset = days[i] - lastDay - 1;
      if (offset < horizon && !Float.isNaN(price[i])) {
        prices[(int) offset] = price[i];
      }
    }
    float held = lastPrice;
    for (int d = 0; d < horizon; d++) {
      held = Float.isNaN(prices[d]) ? held : prices[d];
      prices[d] = held;
    }
    return prices;
  }

  private void readRow(JsonParser p, JsonToken token) throws IOException {
    row.read(p, token, false, "{date, promo, price}");
    row.require(false, true);
    if (count == days.length) {
      days = Arrays.copyOf(days, count * 2);
      promo = Arrays.copyOf(promo, count * 2);
      price = Arrays.copyOf(price, count * 2);
    }
    days[count] = row.day;
    promo[count] = row.promo != null && row.promo;
    price[count] = row.price;
    count++;
  }
}
