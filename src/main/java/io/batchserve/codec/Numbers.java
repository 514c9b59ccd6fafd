package io.batchserve.codec;

/**
 * A strict, allocation-free parser for decimal numbers in ASCII bytes: {@code [+-]digits[.digits][(e|E)[+-]digits]}.
 * Values are parsed to the nearest double and then narrowed to float, which is what numpy does when the SageMaker
 * XGBoost container reads CSV, so a model sees exactly the floats it would see there.
 */
final class Numbers {
  /** Returned by {@link #parse} when the bytes are not a decimal number. */
  static final double INVALID = Double.longBitsToDouble(0x7ff8dead00000000L);
  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

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
   * Reads the longest decimal number starting at {@code from} (before {@code to}) and records where it stopped.
   * Returns {@link #INVALID} when no number starts there.
   */
  static double scan(byte[] bytes, int from, int to, Scan scan) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int scale = 0;
    int digitsStart = i;
    for (; i < to && isDigit(bytes[i]); i++) {
      if (significant < 18) {
        mantissa = mantissa * 10 + (bytes[i] - '0');
        significant += mantissa != 0 ? 1 : 0;
      } else {
        scale++;
      }
    }
    int digits = i - digitsStart;
    if (i < to && bytes[i] == '.') {
      i++;
      int fractionStart = i;
      for (; i < to && isDigit(bytes[i]); i++) {
        if (significant < 18) {
          mantissa = mantissa * 10 + (bytes[i] - '0');
          significant += mantissa != 0 ? 1 : 0;
          scale--;
        }
      }
      digits += i - fractionStart;
    }
    scan.end = i;
    if (digits == 0) {
      return INVALID;
    }
    int exponent = 0;
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      int mark = i;
      i++;
      boolean negativeExponent = false;
      if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
        negativeExponent = bytes[i] == '-';
        i++;
      }
      int start = i;
      for (; i < to && isDigit(bytes[i]); i++) {
        if (exponent < 100_000) {
          exponent = exponent * 10 + (bytes[i] - '0');
        }
      }
      if (i == start) {
        scan.end = mark;
        return INVALID;
      }
      exponent = negativeExponent ? -exponent : exponent;
      scan.end = i;
    }
    double value = toDouble(mantissa, scale + exponent, significant, bytes, from, scan.end);
    return negative && value >= 0 ? -value : value;
  }

  private static double toDouble(long mantissa, int power, int significant, byte[] bytes, int from, int to) {
    if (mantissa == 0) {
      return 0.0;
    }
    if (significant <= 15 && power >= -22 && power <= 22) {
      // Both operands are exact doubles, so one multiplication or division is correctly rounded.
      return power >= 0 ? mantissa * POW10[power] : mantissa / POW10[-power];
    }
    double slow = Double.parseDouble(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.US_ASCII));
    return Math.abs(slow);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
