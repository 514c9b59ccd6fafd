package io.batchserve.model.forecast;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of decoding a JSON Lines record: finds the record's top-level {@code
 * historical_rows} array in its bytes and reads the rows straight into a {@link HistoryParser} (its
 * checks, its ring), without Jackson's tokens. History rows are nearly all of a record (120 rows of
 * about 60 bytes) and were most of its decoding time.
 *
 * <p>It takes only a strict subset of what the Jackson path takes and answers "not handled" for
 * anything else: an escape, a control or non-ASCII byte in the rows; a field other than date,
 * sales, promo and price, or one given twice; a date not of 10 plain characters; a number with a
 * sign, an exponent, a leading zero or more than {@value #MAX_DIGITS} digits; promo other than 0,
 * 1, true or false; any failed check. The caller then decodes the record with Jackson from its
 * first byte, which gives the error: every error, and every value, is the Jackson path's. A
 * number's value is its digits as a long divided by a power of ten, both exact in a double, so the
 * quotient is the correctly rounded value of the decimal (Clinger's fast path), the same double
 * Jackson's parser gives.
 *
 * <p>Not thread-safe; one instance serves the records of one body.
 */
final class HistoryScan {
  /** Digits a number may have: below 2^53, so the long of its digits is exact in a double. */
  static final int MAX_DIGITS = 15;

  private static final byte[] KEY = ascii("historical_rows");
  private static final byte[][] FIELDS = {
    ascii("date"), ascii("sales"), ascii("promo"), ascii("price")
  };
  private static final int DATE = 0;
  private static final int SALES = 1;
  private static final int PROMO = 2;
  private static final int PRICE = 3;
  private static final double[] TENS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };
  private static final long NO_DAY = Long.MIN_VALUE;

  private final char[] date = new char[Days.LENGTH];
  private byte[] b;
  private int i;
  private int end;
  private int nameStart;
  private int nameLength;
  private double value;

  /**
   * Where the value of the first top-level {@code historical_rows} field (its name written plainly)
   * of the object starting in {@code b[from, to)} begins; -1 when the object's outline up to it
   * cannot be followed or it has none. The values before it are skipped, not checked; a second
   * {@code historical_rows} later in the record is left to the Jackson half, which refuses it.
   */
  static int locate(byte[] b, int from, int to) {
    int i = whitespace(b, from, to);
    if (i >= to || b[i] != '{') {
      return -1;
    }
    for (i = whitespace(b, i + 1, to); i < to && b[i] == '"'; i = whitespace(b, i + 1, to)) {
      int nameEnd = skipString(b, i, to);
      if (nameEnd < 0) {
        return -1;
      }
      boolean history = Arrays.equals(b, i + 1, nameEnd - 1, KEY, 0, KEY.length);
      i = whitespace(b, nameEnd, to);
      if (i >= to || b[i] != ':') {
        return -1;
      }
      i = whitespace(b, i + 1, to);
      if (history) {
        return i;
      }
      int valueEnd = skipValue(b, i, to);
      if (valueEnd < 0) {
        return -1;
      }
      i = whitespace(b, valueEnd, to);
      if (i >= to || b[i] != ',') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Reads the array starting at {@code b[from]} (the record ends before {@code to}) into {@code
   * history}, from {@link HistoryParser#begin}; returns where the array ends (past its {@code ]}),
   * or -1 when it is not handled here (then {@code history} holds a partial read, which the Jackson
   * path's begin clears).
   */
  int read(byte[] b, int from, int to, HistoryParser history) {
    this.b = b;
    this.i = from;
    this.end = to;
    history.begin();
    if (!take('[')) {
      return -1;
    }
    whitespace();
    if (take(']')) {
      return i;
    }
    while (row(history)) {
      whitespace();
      if (take(']')) {
        return i;
      }
      if (!take(',')) {
        return -1;
      }
      whitespace();
    }
    return -1;
  }

  /** One row object, added to {@code history}; false when not handled. */
  private boolean row(HistoryParser history) {
    if (!take('{')) {
      return false;
    }
    long day = NO_DAY;
    double sales = Double.NaN;
    int promo = -1;
    double price = Double.NaN;
    whitespace();
    while (true) {
      if (!name() || !take(':')) {
        return false;
      }
      whitespace();
      int field = field();
      if (field == DATE && day == NO_DAY) {
        day = date();
        if (day == NO_DAY) {
          return false;
        }
      } else if (field == SALES && Double.isNaN(sales) && number()) {
        sales = value;
      } else if (field == PROMO && promo < 0) {
        promo = flag();
        if (promo < 0) {
          return false;
        }
      } else if (field == PRICE && Double.isNaN(price) && number() && (float) value > 0f) {
        price = value;
      } else {
        return false;
      }
      whitespace();
      if (i >= end) {
        return false;
      }
      byte c = b[i++];
      if (c == '}') {
        break;
      }
      if (c != ',') {
        return false;
      }
      whitespace();
    }
    return day != NO_DAY && !Double.isNaN(sales) && add(history, day, sales, promo == 1, price);
  }

  private static boolean add(
      HistoryParser history, long day, double sales, boolean promo, double price) {
    try {
      history.add(day, (float) sales, promo, (float) price);
      return true;
    } catch (RecordProblem e) {
      return false;
    }
  }

  /**
   * A field name of plain ASCII, without escapes, up to its closing quote and the whitespace after;
   * false otherwise. (Here and below the cursor is copied to a local for the loops: kept in the
   * field, every byte cost a load and a store.)
   */
  private boolean name() {
    byte[] b = this.b;
    int j = i;
    if (j >= end || b[j] != '"') {
      return false;
    }
    int start = ++j;
    while (j < end && b[j] != '"') {
      if (b[j] < 0x20 || b[j] == '\\') {
        return false;
      }
      j++;
    }
    if (j >= end) {
      return false;
    }
    nameStart = start;
    nameLength = j - start;
    i = whitespace(b, j + 1, end);
    return true;
  }

  /**
   * Which of the four fields the last {@link #name} was, or -1: told apart by the first bytes, then
   * checked whole (a library comparison per candidate cost more than the rest of the row).
   */
  private int field() {
    int f =
        switch (b[nameStart]) {
          case 'd' -> DATE;
          case 's' -> SALES;
          case 'p' -> nameLength > 2 && b[nameStart + 2] == 'o' ? PROMO : PRICE;
          default -> -1;
        };
    if (f < 0 || FIELDS[f].length != nameLength) {
      return -1;
    }
    byte[] name = FIELDS[f];
    for (int k = 1; k < nameLength; k++) {
      if (b[nameStart + k] != name[k]) {
        return -1;
      }
    }
    return f;
  }

  /** A date string of exactly 10 plain characters, as an epoch day; {@link #NO_DAY} otherwise. */
  private long date() {
    if (!take('"') || i + Days.LENGTH >= end || b[i + Days.LENGTH] != '"') {
      return NO_DAY;
    }
    for (int k = 0; k < Days.LENGTH; k++) {
      byte c = b[i + k];
      if (c < 0x20 || c == '"' || c == '\\') {
        return NO_DAY;
      }
      date[k] = (char) c;
    }
    i += Days.LENGTH + 1;
    try {
      return Days.parse(date, 0, Days.LENGTH);
    } catch (IllegalArgumentException e) {
      return NO_DAY;
    }
  }

  /**
   * An unsigned number of at most {@value #MAX_DIGITS} digits, without exponent or leading zero,
   * into {@link #value}; false otherwise.
   */
  private boolean number() {
    byte[] b = this.b;
    int start = i;
    int j = start;
    if (j < end && b[j] == '0') {
      j++;
    } else {
      j = digits(b, j, end);
    }
    int whole = j - start;
    if (whole == 0 || (j < end && isDigit(b[j]))) {
      return false;
    }
    int fraction = 0;
    if (j < end && b[j] == '.') {
      int first = j + 1;
      j = digits(b, first, end);
      fraction = j - first;
      if (fraction == 0) {
        return false;
      }
    }
    if (whole + fraction > MAX_DIGITS || (j < end && (b[j] == 'e' || b[j] == 'E'))) {
      return false;
    }
    long digits = 0;
    for (int k = start; k < j; k++) {
      if (b[k] != '.') {
        digits = digits * 10 + (b[k] - '0');
      }
    }
    value = digits / TENS[fraction];
    i = j;
    return true;
  }

  /** Past the run of digits starting at {@code b[j]}. */
  private static int digits(byte[] b, int j, int to) {
    while (j < to && isDigit(b[j])) {
      j++;
    }
    return j;
  }

  /** 0, 1, false or true as 0 or 1; -1 otherwise. */
  private int flag() {
    if (i < end && (b[i] == '0' || b[i] == '1')) {
      return b[i++] - '0';
    }
    if (literal("true")) {
      return 1;
    }
    return literal("false") ? 0 : -1;
  }

  private boolean literal(String word) {
    if (i + word.length() > end) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (b[i + k] != word.charAt(k)) {
        return false;
      }
    }
    i += word.length();
    return true;
  }

  private boolean take(char c) {
    if (i < end && b[i] == c) {
      i++;
      return true;
    }
    return false;
  }

  private void whitespace() {
    i = whitespace(b, i, end);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static int whitespace(byte[] b, int i, int to) {
    while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i++;
    }
    return i;
  }

  /** Past the string starting at {@code b[i]} (a quote), or -1 when it does not end. */
  private static int skipString(byte[] b, int i, int to) {
    for (int j = i + 1; j < to; j++) {
      if (b[j] == '\\') {
        j++;
      } else if (b[j] == '"') {
        return j + 1;
      }
    }
    return -1;
  }

  /**
   * Past the value starting at {@code b[i]}: a string, a nest of arrays and objects, or a bare
   * word; -1 when it does not end.
   */
  private static int skipValue(byte[] b, int i, int to) {
    if (i >= to) {
      return -1;
    }
    if (b[i] == '"') {
      return skipString(b, i, to);
    }
    if (b[i] != '[' && b[i] != '{') {
      int j = i;
      while (j < to && ",}] \t\r\n".indexOf(b[j]) < 0) {
        j++;
      }
      return j == i ? -1 : j;
    }
    int depth = 0;
    for (int j = i; j < to; j++) {
      if (b[j] == '"') {
        j = skipString(b, j, to) - 1;
        if (j < 0) {
          return -1;
        }
      } else if (b[j] == '[' || b[j] == '{') {
        depth++;
      } else if ((b[j] == ']' || b[j] == '}') && --depth == 0) {
        return j + 1;
      }
    }
    return -1;
  }
}
