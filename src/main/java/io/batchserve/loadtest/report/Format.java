package io.batchserve.loadtest.report;

import java.util.Locale;

/** Numbers as the terminal table and the reports print them. */
public final class Format {
  private Format() {}

  /** 12,345 for large values, 12.3 or 1.23 for small ones; no trailing ".0". */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
  }

  /** Milliseconds as {@code 850 ms} or {@code 2.31 s}. */
  public static String millis(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : number(ms) + " ms";
  }

  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
  }
}
