package io.batchserve.codec;

/**
 * The shortest decimal text that reads back as a given float, written straight into a byte buffer, for the range
 * scores live in: {@code 0.001 <= v < 1}. Other values return false and the caller uses {@link Float#toString}.
 *
 * <p>Exact in double arithmetic: in that range {@code v x 10^k} (k at most 11) and the midpoints to the neighbouring
 * floats times {@code 10^k} need at most 52 significant bits, so every product below is exact, and a candidate is
 * accepted only if it lies inside the interval of reals that round to {@code v} (ties to even, as
 * {@link Float#parseFloat} rounds).
 */
final class FloatText {
  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

  private FloatText() {}

  /** Appends the shortest round-trip text of {@code v} as {@code 0.ddd} and returns true, or returns false. */
  static boolean append(float v, ScoreEncoder.Sink out) {
    if (!(v >= 0.001f && v < 1f)) {
      return false;
    }
    double value = v;
    double low = (value + Math.nextDown(v)) / 2;
    double high = (value + Math.nextUp(v)) / 2;
    boolean even = (Float.floatToRawIntBits(v) & 1) == 0;
    int leadingZeros = value >= 0.1 ? 0 : value >= 0.01 ? 1 : 2;
    for (int digits = 1; digits <= 9; digits++) {
      int k = digits + leadingZeros;
      double scale = POW10[k];
      double n = Math.rint(value * scale);
      double lo = low * scale;
      double hi = high * scale;
      if (even ? n >= lo && n <= hi : n > lo && n < hi) {
        write((long) n, k, out);
        return true;
      }
    }
    return false;
  }

  /** Writes {@code n / 10^k} as {@code 0.} followed by exactly k digits. */
  private static void write(long n, int k, ScoreEncoder.Sink out) {
    out.write('0');
    out.write('.');
    byte[] digits = new byte[k];
    long rest = n;
    for (int i = k - 1; i >= 0; i--) {
      digits[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    out.write(digits);
  }
}
