package io.batchserve.codec;

import java.nio.charset.StandardCharsets;

/**
 * A strict, allocation-free parser for decimal numbers in ASCII bytes: {@code
 * [+-]digits[.digits][(e|E)[+-]digits]}. Values are parsed to the nearest double and then narrowed
 * to float, which is what numpy does when the SageMaker XGBoost container reads CSV, so a model
 * sees exactly the floats it would see there.
 */
final class Numbers {
  /** Returned by {@link #parse} when the bytes are not a decimal number. */
  static final double INVALID = Double.longBitsToDouble(0x7ff8dead00000000L);

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Numbers() {}

  static boolean isInvalid(double value) {
    return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(INVALID);
  }

  /** Parses bytes[from, to) as a decimal number, or returns {@link #INVALID}. */
  static double parse(byte[] bytes, int from, int to) {
    Scan scan = new Scan();
    double value = scan(bytes, from, to, scan);
    return scan.end == to ? value : INVALID;
  }

  /** Where a {@link #scan} stopped: the index of the first byte that is not part of the number. */
  static final class Scan {
    int end;
  }

  /**
   * Reads the longest decimal number starting at {@code from} (before {@code to}) and records where
   * it stopped. Returns {@link #INVALID} when no number starts there.
   */
  static double scan(byte[] bytes, int from, int to, Scan scan) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    long mantissa = 0;
    int start = i;
    for (int d; i < to && (d = bytes[i] - '0') >= 0 && d <= 9; i++) {
      mantissa = mantissa * 10 + d;
    }
    int digits = i - start;
    int fraction = 0;
    if (i < to && bytes[i] == '.') {
      int fractionStart = ++i;
      for (int d; i < to && (d = bytes[i] - '0') >= 0 && d <= 9; i++) {
        mantissa = mantissa * 10 + d;
      }
      fraction = i - fractionStart;
      digits += fraction;
    }
    scan.end = i;
    if (digits == 0) {
      return INVALID;
    }
    int exponent = 0;
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      exponent = scanExponent(bytes, i + 1, to, scan);
      if (exponent == Integer.MIN_VALUE) {
        return INVALID;
      }
    }
    double value =
        digits <= 18 ? toDouble(mantissa, exponent - fraction) : slow(bytes, from, scan.end);
    return negative && value >= 0 ? -value : value;
  }

  /**
   * The exponent after an 'e' at {@code from - 1}; moves scan.end past it, or returns MIN_VALUE for
   * none.
   */
  private static int scanExponent(byte[] bytes, int from, int to, Scan scan) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    int start = i;
    int exponent = 0;
    for (int d; i < to && (d = bytes[i] - '0') >= 0 && d <= 9; i++) {
      exponent = Math.min(exponent * 10 + d, 100_000);
    }
    if (i == start) {
      return Integer.MIN_VALUE;
    }
    scan.end = i;
    return negative ? -exponent : exponent;
  }

  /**
   * mantissa x 10^power, correctly rounded when both are exact doubles, else through the JDK's
   * parser.
   */
  private static double toDouble(long mantissa, int power) {
    if (mantissa < (1L << 53) && power >= -22 && power <= 22) {
      // Both operands are exact doubles, so one multiplication or division is correctly rounded.
      return power >= 0 ? mantissa * POW10[power] : mantissa / POW10[-power];
    }
    return Double.parseDouble(mantissa + "e" + power);
  }

  /** More than 18 digits: the JDK parses the text itself (the sign is applied by the caller). */
  private static double slow(byte[] bytes, int from, int to) {
    int start = bytes[from] == '-' || bytes[from] == '+' ? from + 1 : from;
    return Double.parseDouble(new String(bytes, start, to - start, StandardCharsets.US_ASCII));
  }
}
