package io.batchserve.codec;

/**
 * The shortest decimal text that reads back as a given float, written straight into a byte buffer,
 * for the range scores live in: {@code 0.001 <= v < 1}. Other values return false and the caller
 * uses {@link Float#toString}.
 *
 * <p>Exact in double arithmetic: in that range {@code v x 10^k} (k at most 11) and the midpoints to
 * the neighbouring floats times {@code 10^k} need at most 52 significant bits, so every product
 * below is exact, and a candidate is accepted only if it lies inside the interval of reals that
 * round to {@code v} (ties to even, as {@link Float#parseFloat} rounds).
 */
final class FloatText {
  private static final int MAX_DIGITS = 9;
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12
  };

  private FloatText() {}

  /**
   * Appends the shortest round-trip text of {@code v} as {@code 0.ddd} and returns true, or returns
   * false.
   */
  static boolean append(float v, ScoreEncoder.Sink out) {
    if (!(v >= 0.001f && v < 1f)) {
      return false;
    }
    int digits = shortestDigits(v);
    if (digits > MAX_DIGITS) {
      return false;
    }
    write(v, digits + leadingZeros(v), out);
    return true;
  }

  /**
   * The fewest significant digits whose nearest decimal reads back as {@code v}, or {@code
   * MAX_DIGITS + 1}. A binary search (about 3 tries instead of up to 9): when k digits fit, k + 1
   * digits fit too, because the nearest (k + 1)-digit decimal is at least as close. Not so at a
   * power of two, whose interval is narrower below than above, so those few floats take the linear
   * search.
   */
  private static int shortestDigits(float v) {
    if ((Float.floatToRawIntBits(v) & 0x7FFFFF) == 0) {
      for (int digits = 1; digits <= MAX_DIGITS; digits++) {
        if (fits(v, digits)) {
          return digits;
        }
      }
      return MAX_DIGITS + 1;
    }
    int low = 1;
    int high = MAX_DIGITS + 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (fits(v, mid)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /**
   * Whether the nearest decimal with {@code digits} significant digits lies in the interval that
   * rounds to v.
   */
  private static boolean fits(float v, int digits) {
    double value = v;
    double scale = POW10[digits + leadingZeros(v)];
    double n = Math.rint(value * scale);
    double lo = (value + Math.nextDown(v)) / 2 * scale;
    double hi = (value + Math.nextUp(v)) / 2 * scale;
    return (Float.floatToRawIntBits(v) & 1) == 0 ? n >= lo && n <= hi : n > lo && n < hi;
  }

  private static int leadingZeros(float v) {
    return v >= 0.1f ? 0 : v >= 0.01f ? 1 : 2;
  }

  /** Writes {@code v} rounded to k decimals as {@code 0.} followed by exactly k digits. */
  private static void write(float v, int k, ScoreEncoder.Sink out) {
    long rest = (long) Math.rint((double) v * POW10[k]);
    byte[] text = new byte[k + 2];
    text[0] = '0';
    text[1] = '.';
    for (int i = k + 1; i >= 2; i--) {
      text[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    out.write(text);
  }
}
