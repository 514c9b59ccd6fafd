package io.batchserve.model.train;

/**
 * Additive Holt-Winters exponential smoothing with a damped trend and a weekly season, the
 * exponential-smoothing baseline of the forecaster's evaluation. For day t of a series y:
 *
 * <pre>
 *   level    l(t) = a (y(t) - s(t-7)) + (1 - a) (l(t-1) + phi b(t-1))
 *   trend    b(t) = b (l(t) - l(t-1)) + (1 - b) phi b(t-1)
 *   season   s(t) = g (y(t) - l(t)) + (1 - g) s(t-7)
 *   forecast y(T+h) = l(T) + (phi + ... + phi^h) b(T) + s(T - 7 + 1 + (h - 1) mod 7), at least 0
 * </pre>
 *
 * The state starts from the first two weeks (level: the first week's mean; trend: the weekly
 * difference of the two weeks' means over 7; season: the first week's deviations from its mean).
 * {@link #fit} picks the smoothing constants from a fixed grid by the smallest sum of squared
 * one-step-ahead errors after those two weeks, the usual way of fitting the model.
 */
final class HoltWinters {
  static final int SEASON = 7;
  private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5};
  private static final double[] BETAS = {0, 0.01, 0.05, 0.1};
  private static final double[] GAMMAS = {0.02, 0.05, 0.1, 0.2, 0.3};
  private static final double[] PHIS = {0.9, 0.98};

  /** Smoothing constants. */
  record Parameters(double alpha, double beta, double gamma, double phi) {}

  private HoltWinters() {}

  /** Forecasts {@code horizon} days after {@code y[from .. to)} with the best-fitting constants. */
  static float[] forecast(float[] y, int from, int to, int horizon) {
    return forecast(y, from, to, horizon, fit(y, from, to));
  }

  /** The grid's constants with the smallest one-step squared error on {@code y[from .. to)}. */
  static Parameters fit(float[] y, int from, int to) {
    Parameters best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (double a : ALPHAS) {
      for (double b : BETAS) {
        for (double g : GAMMAS) {
          for (double phi : PHIS) {
            Parameters p = new Parameters(a, b, g, phi);
            double error = run(y, from, to, p, null);
            if (error < bestError) {
              bestError = error;
              best = p;
            }
          }
        }
      }
    }
    return best;
  }

  static float[] forecast(float[] y, int from, int to, int horizon, Parameters p) {
    double[] state = new double[2 + SEASON];
    run(y, from, to, p, state);
    float[] out = new float[horizon];
    double damped = 0;
    double phiPower = 1;
    int last = to - 1 - from;
    for (int h = 1; h <= horizon; h++) {
      phiPower *= p.phi();
      damped += phiPower;
      double season = state[2 + (last + h) % SEASON];
      out[h - 1] = (float) Math.max(0, state[0] + damped * state[1] + season);
    }
    return out;
  }

  /**
   * Runs the recursions over {@code y[from .. to)}; returns the sum of squared one-step errors
   * after the first two weeks, and leaves level, trend and the last 7 seasonal terms (indexed by
   * day mod 7, counted from {@code from}) in {@code state} when it is not null.
   */
  private static double run(float[] y, int from, int to, Parameters p, double[] state) {
    int n = to - from;
    if (n < 3 * SEASON) {
      throw new IllegalArgumentException("Holt-Winters needs at least 3 weeks, got " + n + " days");
    }
    double week1 = 0;
    double week2 = 0;
    for (int i = 0; i < SEASON; i++) {
      week1 += y[from + i];
      week2 += y[from + SEASON + i];
    }
    week1 /= SEASON;
    week2 /= SEASON;
    double[] season = new double[SEASON];
    for (int i = 0; i < SEASON; i++) {
      season[i] = y[from + i] - week1;
    }
    double trend = (week2 - week1) / SEASON;
    // The level at day 13, the last of the two weeks: the second week's mean (centred on day 10)
    // plus three days of trend.
    double level = week2 + trend * (SEASON - 1) / 2.0;
    double error = 0;
    for (int t = 2 * SEASON; t < n; t++) {
      double value = y[from + t];
      int s = t % SEASON;
      double predicted = level + p.phi() * trend + season[s];
      error += (value - predicted) * (value - predicted);
      double previous = level;
      level = p.alpha() * (value - season[s]) + (1 - p.alpha()) * (previous + p.phi() * trend);
      trend = p.beta() * (level - previous) + (1 - p.beta()) * p.phi() * trend;
      season[s] = p.gamma() * (value - level) + (1 - p.gamma()) * season[s];
    }
    if (state != null) {
      state[0] = level;
      state[1] = trend;
      System.arraycopy(season, 0, state, 2, SEASON);
    }
    return error;
  }
}
