package io.batchserve.model.forecast;

/**
 * The last {@value ForecastFeatures#WINDOW} days of one series (sales and promotion flags) with
 * running sums, from which the features of the next day are written in O(1). Training and serving
 * both build their feature rows here, so the model sees the same numbers in both.
 *
 * <p>Not thread-safe: one window belongs to one series of one prediction.
 */
public final class SalesWindow {
  private static final int W = ForecastFeatures.WINDOW;

  private final float[] sales = new float[W];
  private final boolean[] promo = new boolean[W];

  /** Ring position of day t-28, the oldest day; day t-k is at (oldest + W - k) % W. */
  private int oldest;

  private double sum7;
  private double squares7;
  private double sum28;
  private double squares28;
  private int promo7;
  private int promo28;

  /** A window over {@code W} days ending with the day before the first target day, oldest first. */
  public SalesWindow(float[] sales, boolean[] promo, int from) {
    for (int i = 0; i < W; i++) {
      this.sales[i] = sales[from + i];
      this.promo[i] = promo[from + i];
      add28(sales[from + i], promo[from + i], 1);
      if (i >= W - 7) {
        add7(sales[from + i], promo[from + i], 1);
      }
    }
  }

  /**
   * Writes the {@link ForecastFeatures#COUNT} features of target day {@code epochDay} at {@code
   * out[at]}.
   */
  public void write(float[] out, int at, long epochDay, boolean promoted) {
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
  }

  /**
   * Moves the window one day on: day t (with these sales and promotion flag) becomes day t-1 of the
   * next target.
   */
  public void push(float value, boolean promoted) {
    int leaving7 = (oldest + W - 7) % W;
    add7(sales[leaving7], promo[leaving7], -1);
    add28(sales[oldest], promo[oldest], -1);
    sales[oldest] = value;
    promo[oldest] = promoted;
    add7(value, promoted, 1);
    add28(value, promoted, 1);
    oldest = (oldest + 1) % W;
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
