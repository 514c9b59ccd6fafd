package io.batchserve.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round axis bounds and tick labels: 0, 2k, 4k ... or 0, 0.5, 1 ... */
final class Ticks {
  private static final int STEPS = 5;

  private Ticks() {}

  /** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least {@code value}. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= value * (1 - 1e-9)) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /** 0 to {@code max} in five equal steps. */
  static List<Double> steps(double max) {
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; i <= STEPS; i++) {
      ticks.add(max * i / STEPS);
    }
    return ticks;
  }

  /** About six round ticks between {@code min} and {@code max}. */
  static List<Double> linear(double min, double max) {
    double step = niceCeiling(Math.max((max - min) / 6, 1e-9));
    List<Double> ticks = new ArrayList<>();
    for (double tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
      ticks.add(tick);
    }
    return ticks;
  }

  /**
   * {@code 12k}, {@code 1.5M}, {@code 0.25}, {@code 40}: the unit chosen by the axis maximum {@code
   * max}.
   */
  static String label(double value, double max) {
    if (value == 0) {
      return "0";
    }
    if (Math.abs(max) >= 1e6) {
      return trim(value / 1e6) + "M";
    }
    if (Math.abs(max) >= 1e4) {
      return trim(value / 1e3) + "k";
    }
    return trim(value);
  }

  /** {@code 0%}, {@code 90%}, {@code 99.9%}. */
  static String percent(double value) {
    String text = String.format(Locale.ROOT, "%.3f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "") + "%";
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }
}
