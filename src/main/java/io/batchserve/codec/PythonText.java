package io.batchserve.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers written as Python writes them, for answers that must match SageMaker's built-in XGBoost
 * container byte for byte: {@code repr(float)} (the shortest decimal that reads back as the same
 * double, positional when its decimal exponent is in -4..15, else {@code 1e-05} style) and what
 * {@code json.dumps} writes for a float.
 */
public final class PythonText {
  private PythonText() {}

  /** {@code repr(x)}: {@code 0.43861907720565796}, {@code 1.0}, {@code 1e-05}, {@code nan}. */
  public static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return 1 / x < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(x);
    String digits = shortest.unscaledValue().abs().toString();
    int point = digits.length() - shortest.scale(); // x = 0.DIGITS * 10^point
    String sign = x < 0 ? "-" : "";
    if (point > -4 && point <= 16) {
      return sign + positional(digits, point);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int exponent = point - 1;
    return sign
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (Math.abs(exponent) < 10 ? "0" : "")
        + Math.abs(exponent);
  }

  /** What {@code json.dumps} writes for a float: its repr, or NaN / Infinity / -Infinity. */
  public static String json(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return repr(x);
  }

  /**
   * The shortest decimal that reads back as {@code x}; of those, the nearest (as David Gay's
   * shortest mode, which CPython uses): the correctly rounded value at the fewest digits that
   * round-trips. If k digits round-trip, so do k + 1, so the search walks down from the digits of
   * {@link Double#toString}, which round-trip and are at most one too many.
   */
  private static BigDecimal shortest(double x) {
    BigDecimal exact = new BigDecimal(x);
    int digits = new BigDecimal(Double.toString(x)).stripTrailingZeros().precision();
    while (digits > 1 && roundTrips(exact, digits - 1, x)) {
      digits--;
    }
    return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static boolean roundTrips(BigDecimal exact, int digits, double x) {
    return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue() == x;
  }

  private static String positional(String digits, int point) {
    if (point <= 0) {
      return "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return digits + "0".repeat(point - digits.length()) + ".0";
    }
    return digits.substring(0, point) + "." + digits.substring(point);
  }
}
