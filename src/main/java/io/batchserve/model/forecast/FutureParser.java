package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads {@code future_rows}: objects {@code {"date": "yyyy-MM-dd", "promo": 0|1}} giving known
 * promotions of forecast days, in any order; days not listed have no promotion. Checked once the
 * history's last day and the horizon are known (they may come later in the record): each date must
 * be after the history and listed once; dates after the horizon are allowed and ignored.
 *
 * <p>Not thread-safe; reused for the records of one body.
 */
final class FutureParser {
  private long[] days = new long[8];
  private boolean[] promo = new boolean[8];
  private int count;
  private final DayRow row = new DayRow();
  private boolean given;

  /** Forgets the previous record's rows. */
  void clear() {
    count = 0;
    given = false;
  }

  /** Reads the array ({@code token} is its first token) of this record's {@code future_rows}. */
  void read(JsonParser p, JsonToken token) throws IOException {
    Tokens.once(given, "future_rows");
    given = true;
    Tokens.expect(
        token, JsonToken.START_ARRAY, p, "future_rows must be an array of {date, promo} objects");
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

  private void readRow(JsonParser p, JsonToken token) throws IOException {
    row.read(p, token, false, "{date, promo}");
    row.require(false, true);
    if (count == days.length) {
      days = Arrays.copyOf(days, count * 2);
      promo = Arrays.copyOf(promo, count * 2);
    }
    days[count] = row.day;
    promo[count] = row.promo;
    count++;
  }
}
