package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads {@code historical_rows}: objects {@code {"date": "yyyy-MM-dd", "sales": n, "promo": 0|1,
 * "price": p}} ({@code promo} optional, 0 by default; {@code price} optional, but on every row or
 * on none), one per day, consecutive, oldest first. Only the last {@value ForecastFeatures#WINDOW}
 * days are kept, in a ring, so a long history costs no allocation.
 *
 * <p>Not thread-safe; reused for the records of one body.
 */
final class HistoryParser {
  private static final int W = ForecastFeatures.WINDOW;
  private final float[] sales = new float[W];
  private final boolean[] promo = new boolean[W];
  private final float[] price = new float[W];
  private final DayRow row = new DayRow();
  private int days;
  private long lastDay;
  private boolean priced;

  /**
   * Reads the array the parser has just entered ({@code token} is its first token); returns the
   * number of days.
   */
  int read(JsonParser p, JsonToken token) throws IOException {
    Tokens.expect(
        token,
        JsonToken.START_ARRAY,
        p,
        "historical_rows must be an array of {date, sales, promo, price} objects");
    begin();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      try {
        readRow(p, t);
      } catch (RecordProblem e) {
        throw new RecordProblem("historical_rows[" + days + "]: " + e.getMessage());
      }
    }
    return days;
  }

  /** Forgets the previous record's rows, before {@link #add}s. */
  void begin() {
    days = 0;
  }

  /**
   * Adds the next day: {@code price} NaN when the row has none. Fails (without a row number) when
   * the day does not follow the last one, or the row has a price and the first had none, or the
   * other way round.
   */
  void add(long day, float sales, boolean promo, float price) {
    checkFollows(day);
    checkPriced(!Float.isNaN(price));
    this.sales[days % W] = sales;
    this.promo[days % W] = promo;
    this.price[days % W] = price;
    lastDay = day;
    days++;
  }

  /** Days added since {@link #begin}. */
  int days() {
    return days;
  }

  long lastDay() {
    return lastDay;
  }

  /** Whether the rows carry prices (all of them do, or none). */
  boolean priced() {
    return priced;
  }

  /** The last history day's price, NaN without prices. */
  float lastPrice() {
    return priced ? price[(days - 1) % W] : Float.NaN;
  }

  /**
   * Copies the last {@value ForecastFeatures#WINDOW} days, oldest first; needs at least that many.
   * {@code priceOut} is left alone without prices.
   */
  void copyRecent(float[] salesOut, boolean[] promoOut, float[] priceOut) {
    for (int i = 0; i < W; i++) {
      int at = (days - W + i) % W;
      salesOut[i] = sales[at];
      promoOut[i] = promo[at];
      if (priced) {
        priceOut[i] = price[at];
      }
    }
  }

  private void readRow(JsonParser p, JsonToken token) throws IOException {
    row.read(p, token, true, "{date, sales, promo, price}");
    row.require(true, false);
    add(row.day, row.sales, row.promo != null && row.promo, row.price);
  }

  private void checkPriced(boolean hasPrice) {
    if (days == 0) {
      priced = hasPrice;
    } else if (hasPrice != priced) {
      throw new RecordProblem(
          (hasPrice ? "price given, but historical_rows[0] has none" : "missing price")
              + (hasPrice ? "" : " (historical_rows[0] has one)")
              + "; send price on every history row or on none");
    }
  }

  private void checkFollows(long day) {
    if (days == 0 || day == lastDay + 1) {
      return;
    }
    String date = Days.format(day);
    if (day == lastDay) {
      throw new RecordProblem("duplicate date " + date);
    }
    throw new RecordProblem(
        "date "
            + date
            + " does not follow "
            + Days.format(lastDay)
            + "; history dates must be consecutive days, oldest first (expected "
            + Days.format(lastDay + 1)
            + ")");
  }
}
