package io.batchserve.codec;

/**
 * The common case of {@link CsvFeatures} in one pass: a line of exactly {@code width} plain
 * decimals ({@code [-]digits[.digits]}, or empty for a missing value) separated by commas. {@link
 * #line} returns the start of the next line, or -1 when anything is unusual (spaces, NaN,
 * exponents, long numbers, errors); the caller then re-reads the line with the full rules, which
 * also produce the error messages.
 *
 * <p>Values: a mantissa of at most {@value #MAX_DIGITS} digits and a power of ten up to 10^15 are
 * exact doubles, so one division gives the correctly rounded double, which is then narrowed to
 * float: exactly what {@link Numbers} computes (and what numpy does with SageMaker's CSV).
 */
final class CsvFastPath {
  private static final int MAX_DIGITS = 15;
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private CsvFastPath() {}

  static int line(byte[] body, int from, int length, int width, float[] out, int base) {
    int pos = from;
    for (int column = 0; column < width; column++) {
      int fieldStart = pos;
      boolean negative = pos < length && body[pos] == '-';
      if (negative) {
        pos++;
      }
      int start = pos;
      long mantissa = 0;
      for (int d; pos < length && (d = body[pos] - '0') >= 0 && d <= 9; pos++) {
        mantissa = mantissa * 10 + d;
      }
      int fraction = 0;
      if (pos < length && body[pos] == '.') {
        int fractionStart = ++pos;
        for (int d; pos < length && (d = body[pos] - '0') >= 0 && d <= 9; pos++) {
          mantissa = mantissa * 10 + d;
        }
        fraction = pos - fractionStart;
        start++;
      }
      int digits = pos - start;
      if (digits > 0 && digits <= MAX_DIGITS) {
        double value = fraction == 0 ? mantissa : mantissa / POW10[fraction];
        out[base + column] = (float) (negative ? -value : value);
      } else if (pos == fieldStart && width > 1) {
        out[base + column] =
            Float.NaN; // an empty field: missing (a line of one empty field is a blank line)
      } else {
        return -1;
      }
      pos = afterField(body, pos, length, column == width - 1);
      if (pos < 0) {
        return -1;
      }
    }
    return pos;
  }

  /**
   * After a field's number: past its comma, or for the last field past the line end; -1 when
   * neither is there.
   */
  private static int afterField(byte[] body, int at, int length, boolean last) {
    if (!last) {
      return at < length && body[at] == ',' ? at + 1 : -1;
    }
    if (at == length) {
      return length;
    }
    if (body[at] == '\n') {
      return at + 1;
    }
    if (body[at] == '\r' && at + 1 < length && body[at + 1] == '\n') {
      return at + 2;
    }
    return -1;
  }
}
