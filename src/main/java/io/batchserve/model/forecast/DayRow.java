package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.batchserve.codec.Snippet;
import java.io.IOException;

/**
 * One row object of {@code historical_rows} ({@code {date, sales, promo, price}}) or {@code
 * future_rows} ({@code {date, promo, price}}), read field by field in any order. Which fields a row
 * must have is the caller's to check.
 *
 * <p>Not thread-safe; one instance is reused for every row of a body.
 */
final class DayRow {
  /** Epoch day, or {@link Long#MIN_VALUE} when the row has no date. */
  long day;

  /** Sales, or NaN when the row has none. */
  float sales;

  /** Promotion flag, or null when the row has none. */
  Boolean promo;

  /** Price, or NaN when the row has none. */
  float price;

  /**
   * Reads the object starting with {@code token}.
   *
   * @param withSales whether a {@code sales} field is allowed
   * @param shape the fields a row has, for the message about an unknown one
   */
  void read(JsonParser p, JsonToken token, boolean withSales, String shape) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      // Not Tokens.expect: its message would be built for every row, and rows are most of a body.
      throw new RecordProblem("expected an object " + shape + ", got " + Tokens.describe(p, token));
    }
    day = Long.MIN_VALUE;
    sales = Float.NaN;
    promo = null;
    price = Float.NaN;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "date" -> {
          Tokens.once(day != Long.MIN_VALUE, name);
          day = Tokens.day(p, t, name);
        }
        case "sales" -> {
          if (!withSales) {
            throw unknown(name, shape);
          }
          Tokens.once(!Float.isNaN(sales), name);
          sales = Tokens.sales(p, t, name);
        }
        case "promo" -> {
          Tokens.once(promo != null, name);
          promo = Tokens.flag(p, t, name);
        }
        case "price" -> {
          Tokens.once(!Float.isNaN(price), name);
          price = Tokens.price(p, t, name);
        }
        default -> throw unknown(name, shape);
      }
    }
  }

  private static RecordProblem unknown(String name, String shape) {
    return new RecordProblem("unknown field '" + Snippet.text(name) + "'; a row is " + shape);
  }

  /**
   * Fails naming the first of {@code date} and {@code sales} (when wanted) missing, or, when {@code
   * promoOrPrice}, a row with neither {@code promo} nor {@code price}.
   */
  void require(boolean sales, boolean promoOrPrice) {
    String missing =
        day == Long.MIN_VALUE
            ? "date"
            : sales && Float.isNaN(this.sales)
                ? "sales"
                : promoOrPrice && promo == null && Float.isNaN(price) ? "promo or price" : null;
    if (missing != null) {
      throw new RecordProblem("missing " + missing);
    }
  }
}
