package io.batchserve.model.forecast;

/**
 * The last {@value ForecastFeatures#WINDOW} days of one series (sales, promotion flags and prices)
 * with running sums, from which the features of the next day are written in O(1). Training and
 * serving both build their feature rows here, so the model sees the same numbers in both.
 *
 * <p>A series without prices has NaN for every price, and so NaN (missing) price features.
 *
 * <p>Not thread-safe: one window belongs to one series of one prediction.
 */
public final class SalesWindow {
  private static final int W = ForecastFeatures.WINDOW;

  private final float[] sales = new float[W];
  private final boolean[] promo = new boolean[W];
  private final float[] price = new float[W];

  /** Ring position of day t-28, the oldest day; day t-k is at (oldest + W - k) % W. */
  private int oldest;

  private double sum7;
  private double squares7;
  private double sum28;
  private double squares28;
  private int promo7;
  private int promo28;

  /**
   * A window over {@code W} days ending with the day before the first target day, oldest first;
   * {@code price} may be null (no prices).
   */
  public SalesWindow(float[] sales, boolean[] promo, float[] price, int from) {
    for (int i = 0; i < W; i++) {
      float p = price == null ? Float.NaN : price[from + i];
      this.sales[i] = sales[from + i];
      this.promo[i] = promo[from + i];
      this.price[i] = p;
      add28(sales[from + i], promo[from + i], 1);
      if (i >= W - 7) {
        add7(sales[from + i], promo[from + i], 1);
      }
    }
  }

  /**
   * Writes the {@link ForecastFeatures#COUNT} features of target day {@code epochDay}, on promotion
   * or not and at price {@code dayPrice} (NaN without prices), at {@code out[at]}.
   */
  public void write(
      float[] out, int at, long epochDay, boolean promoted, float dayPrice, SpecialDays special) {
    float lag7 = lag(7);
    float lag14 = lag(14);
    float lag21 = lag(21);
    float lag28 = lag(28);
    double mean7 = sum7 / 7;
    double mean28 = sum28 / W;
    out[at] = lag(1);
    out[at + 1] = lag(2);
    out[at + 2] = lag(3);
    out[at + 3] = lag7;
    out[at + 4] = lag14;
    out[at + 5] = lag21;
    out[at + 6] = lag28;
    out[at + 7] = (float) mean7;
    out[at + 8] = (float) mean28;
    out[at + 9] = (float) Math.sqrt(Math.max(0, squares7 / 7 - mean7 * mean7));
    out[at + 10] = (float) Math.sqrt(Math.max(0, squares28 / W - mean28 * mean28));
    out[at + 11] = (lag7 + lag14 + lag21 + lag28) / 4f;
    out[at + 12] = promoted ? 1f : 0f;
    out[at + 13] = promo[(oldest + W - 7) % W] ? 1f : 0f;
    out[at + 14] = promo7 / 7f;
    out[at + 15] = promo28 / (float) W;
    out[at + 16] = Days.dayOfWeek(epochDay);
    out[at + 17] = Days.dayOfYear(epochDay);
    writePrices(out, at + 18, dayPrice);
    out[at + 21] = special.daysTo(epochDay);
    out[at + 22] = special.daysSince(epochDay);
  }

  /**
   * Moves the window one day on: day t (with these sales, promotion flag and price) becomes day t-1
   * of the next target.
   */
  public void push(float value, boolean promoted, float dayPrice) {
    int leaving7 = (oldest + W - 7) % W;
    add7(sales[leaving7], promo[leaving7], -1);
    add28(sales[oldest], promo[oldest], -1);
    sales[oldest] = value;
    promo[oldest] = promoted;
    price[oldest] = dayPrice;
    add7(value, promoted, 1);
    add28(value, promoted, 1);
    oldest = (oldest + 1) % W;
  }

  /**
   * The price ratios. The means are summed afresh, oldest day first, rather than kept as running
   * sums: decimal prices are not exact in binary, and a running sum's rounding would depend on how
   * many days had passed through the window, so that a price held steady could give a ratio of
   * 0.99999994 in training and 1.0 in serving, on either side of a split.
   */
  private void writePrices(float[] out, int at, float dayPrice) {
    if (Float.isNaN(dayPrice)) {
      out[at] = Float.NaN;
      out[at + 1] = Float.NaN;
      out[at + 2] = Float.NaN;
      return;
    }
    double sum28 = 0;
    double sum7 = 0;
    for (int k = 0; k < W; k++) {
      double p = price[(oldest + k) % W];
      sum28 += p;
      sum7 += k >= W - 7 ? p : 0;
    }
    out[at] = (float) (dayPrice / (double) price[(oldest + W - 1) % W]);
    out[at + 1] = (float) (dayPrice / (sum7 / 7));
    out[at + 2] = (float) (dayPrice / (sum28 / W));
  }

  private float lag(int days) {
    return sales[(oldest + W - days) % W];
  }

  private void add7(float value, boolean promoted, int sign) {
    sum7 += sign * (double) value;
    squares7 += sign * (double) value * value;
    promo7 += promoted ? sign : 0;
  }

  private void add28(float value, boolean promoted, int sign) {
    sum28 += sign * (double) value;
    squares28 += sign * (double) value * value;
    promo28 += promoted ? sign : 0;
  }
}
