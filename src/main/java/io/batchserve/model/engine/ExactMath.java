package io.batchserve.model.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Single-precision {@code expf} as glibc (2.27 and later, x86-64 with FMA) computes it, so that
 * Java predictions match xgboost4j's bit for bit: {@code (float) Math.exp} differs in about 0.035 %
 * of sigmoid inputs by up to 2 ulp.
 *
 * <p>The algorithm is the one published by Arm in its optimized-routines project (expf,
 * "exp2f_data") and used by glibc: write {@code x = (k + r) ln2 / 32} with integer {@code k} and
 * {@code |r| <= 1/2}; then {@code expf(x) = 2^(k/32) * 2^(r/32)}, with {@code 2^(k/32)} from a
 * 32-entry table of {@code 2^(i/32)} whose exponent is adjusted by {@code k/32}, and {@code
 * 2^(r/32)} from a degree-3 polynomial evaluated in double, rounded to float once at the end. The
 * reduction and the polynomial use fused multiply-adds ({@link Math#fma}), as glibc's FMA build
 * does. The table is computed here (the correctly rounded doubles of {@code 2^(i/32)}); the
 * polynomial's three coefficients are the published minimax values. The on-load check against
 * xgboost4j ({@code model.EngineChoice}) guards a host whose C library computes differently.
 */
final class ExactMath {
  private static final int TABLE_BITS = 5;
  private static final int N = 1 << TABLE_BITS;
  private static final double INV_LN2_N = 0x1.71547652b82fep+0 * N;
  private static final double SHIFT = 0x1.8p+52;
  private static final double C0 = 0x1.c6af84b912394p-5 / N / N / N;
  private static final double C1 = 0x1.ebfce50fac4f3p-3 / N / N;
  private static final double C2 = 0x1.62e42ff0c52d6p-1 / N;
  private static final int TOP12_88 = top12(88.0f);
  private static final int TOP12_INF = top12(Float.POSITIVE_INFINITY);

  /**
   * bits(2^(i/32)) - (i << 47): adding {@code k << 47} later yields bits(2^(k/32)) for any integer
   * k.
   */
  private static final long[] TABLE = table();

  private ExactMath() {}

  /** e^x in float, as glibc's {@code expf}. */
  public static float expf(float x) {
    int abstop = top12(x);
    if (abstop >= TOP12_88) {
      if (Float.floatToRawIntBits(x) == Float.floatToRawIntBits(Float.NEGATIVE_INFINITY)) {
        return 0f;
      }
      if (abstop >= TOP12_INF) {
        return x + x;
      }
      if (x > 0x1.62e42ep6f) {
        return Float.POSITIVE_INFINITY;
      }
      if (x < -0x1.9fe368p6f) {
        return 0f;
      }
    }
    double xd = x;
    double z = INV_LN2_N * xd;
    double kd = z + SHIFT; // k in the low bits
    long ki = Double.doubleToRawLongBits(kd);
    kd -= SHIFT;
    double r = Math.fma(INV_LN2_N, xd, -kd);
    long t = TABLE[(int) (ki & (N - 1))] + (ki << (52 - TABLE_BITS));
    double s = Double.longBitsToDouble(t);
    double p = Math.fma(C0, r, C1);
    double r2 = r * r;
    double y = Math.fma(C2, r, 1.0);
    y = Math.fma(p, r2, y);
    return (float) (y * s);
  }

  /** XGBoost 3's logistic transform, in float: {@code 1 / (expf(min(-x, 88.7)) + 1 + 1e-16)}. */
  public static float sigmoid(float x) {
    return 1.0f / (expf(Math.min(-x, 88.7f)) + 1.0f + 1e-16f);
  }

  /**
   * XGBoost's softmax of {@code n} margins from {@code from} into {@code out} at {@code at}: the
   * largest margin is subtracted (in float) before {@link #expf}, the exponentials are summed in
   * double, in order, and each is divided by that sum rounded to float.
   */
  public static void softmax(float[] margins, int from, int n, float[] out, int at) {
    float max = margins[from];
    for (int i = 1; i < n; i++) {
      max = Math.max(margins[from + i], max);
    }
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      out[at + i] = expf(margins[from + i] - max);
      sum += out[at + i];
    }
    float total = (float) sum;
    for (int i = 0; i < n; i++) {
      out[at + i] /= total;
    }
  }

  private static int top12(float x) {
    return (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
  }

  private static long[] table() {
    MathContext precise = new MathContext(60);
    BigDecimal ln2 =
        new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680009");
    long[] table = new long[N];
    for (int i = 0; i < N; i++) {
      BigDecimal x = ln2.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(N), precise);
      double power = Double.parseDouble(exp(x, precise).toString()); // correctly rounded
      table[i] = Double.doubleToRawLongBits(power) - ((long) i << (52 - TABLE_BITS));
    }
    return table;
  }

  /** e^x for 0 <= x < 1 by its Taylor series, to the given precision. */
  private static BigDecimal exp(BigDecimal x, MathContext precise) {
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; n < 60; n++) {
      term = term.multiply(x, precise).divide(BigDecimal.valueOf(n), precise);
      sum = sum.add(term, precise);
    }
    return sum;
  }

  /** The table, for its test. */
  static long tableEntry(int i) {
    return TABLE[i];
  }
}
