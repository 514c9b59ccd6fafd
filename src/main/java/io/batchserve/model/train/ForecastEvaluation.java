package io.batchserve.model.train;

import io.batchserve.model.forecast.ForecastFeatures;
import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.forecast.ForecastRequest;
import io.batchserve.model.forecast.Series;
import io.batchserve.model.forecast.SpecialDays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy of the forecaster on held-out synthetic items over the full recursive horizon, against
 * three baselines. Each item is cut at a forecast origin after the training calendar ends; the
 * model forecasts the {@value #HORIZON} days from there through {@link ForecastModel#predict} (the
 * serving path) from the 28 days before it, with and without the horizon's known promotions and
 * prices; the baselines see up to a year of history. Scores are WAPE (sum of absolute errors over
 * sum of actual sales, all items and days together), overall and per horizon week.
 */
final class ForecastEvaluation {
  public static final int HORIZON = 31;

  /** The horizon weeks scored apart: days 1-7, 8-14, 15-21, 22-28 and 29-31. */
  public static final int WEEKS = 5;

  /** Days of history the Holt-Winters baseline is fitted on (52 weeks). */
  static final int BASELINE_DAYS = 364;

  /** The forecasts scored, in {@link Result#scores} order. */
  public enum Method {
    MODEL("model, known future promotions and prices"),
    MODEL_WITHOUT_FUTURE("model, no future_rows (promotions and price changes unknown)"),
    SEASONAL_NAIVE("seasonal naive (repeat the last week)"),
    WEEKDAY_MEAN("mean of the same weekday over the last 4 weeks"),
    HOLT_WINTERS("Holt-Winters, additive weekly season, damped trend");

    public final String description;

    Method(String description) {
      this.description = description;
    }

    boolean baseline() {
      return ordinal() >= SEASONAL_NAIVE.ordinal();
    }
  }

  /** WAPE overall and for each of the {@value #WEEKS} horizon weeks. */
  public record Score(double wape, double[] byWeek) {}

  /**
   * The share of actual sales days inside the forecast's {@value #BAND_LOW}-{@value #BAND_HIGH}
   * quantile band, overall and per horizon week, without ({@code [0]}) and with ({@code [1]})
   * future inputs; empty when the model has no quantile table.
   */
  public record Coverage(double share, double[] byWeek) {}

  static final float BAND_LOW = 0.1f;
  static final float BAND_HIGH = 0.9f;

  /** Each {@link Method}'s score, in its order, and the quantile band's coverage. */
  public record Result(int items, int horizon, List<Score> scores, List<Coverage> coverage) {
    public Score score(Method method) {
      return scores.get(method.ordinal());
    }

    /** The baseline with the lowest overall WAPE. */
    public Method bestBaseline() {
      Method best = Method.SEASONAL_NAIVE;
      for (Method m : Method.values()) {
        if (m.baseline() && score(m).wape() < score(best).wape()) {
          best = m;
        }
      }
      return best;
    }

    /** 1 - model WAPE / best baseline WAPE: how much lower the model's error is. */
    public double improvement(Method model) {
      return 1 - score(model).wape() / score(bestBaseline()).wape();
    }

    /** The scores as a text table, one method per line, and the improvements. */
    public String report() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "%-62s %6s   %s%n",
              "WAPE",
              "all",
              "days 1-7, 8-14, 15-21, 22-28, 29-31"));
      for (Method m : Method.values()) {
        Score s = score(m);
        StringBuilder weeks = new StringBuilder();
        for (double w : s.byWeek()) {
          weeks
              .append(weeks.length() == 0 ? "" : "  ")
              .append(String.format(Locale.ROOT, "%.4f", w));
        }
        out.append(String.format(Locale.ROOT, "%-62s %.4f   %s%n", m.description, s.wape(), weeks));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "the model's WAPE is %.1f %% below the best baseline's (%s) with known future inputs,"
                  + " %.1f %% without%n",
              100 * improvement(Method.MODEL),
              bestBaseline().description,
              100 * improvement(Method.MODEL_WITHOUT_FUTURE)));
      for (int k = coverage.size() - 1; k >= 0; k--) {
        Coverage c = coverage.get(k);
        StringBuilder weeks = new StringBuilder();
        for (double w : c.byWeek()) {
          weeks
              .append(weeks.length() == 0 ? "" : "  ")
              .append(String.format(Locale.ROOT, "%.3f", w));
        }
        out.append(
            String.format(
                Locale.ROOT,
                "0.1-0.9 quantile band, %s: holds %.1f %% of actual days (by week %s)%n",
                k == 1 ? "with future_rows" : "without future_rows",
                100 * c.share(),
                weeks));
      }
      return out.toString();
    }
  }

  private ForecastEvaluation() {}

  /** Scores every method on the items, each cut at {@link #cut}. */
  public static Result run(ForecastModel model, List<ForecastData.Item> items) {
    Method[] methods = Method.values();
    float[][][] forecasts = new float[methods.length][][];
    forecasts[Method.MODEL.ordinal()] = forecast(model, items, true);
    forecasts[Method.MODEL_WITHOUT_FUTURE.ordinal()] = forecast(model, items, false);
    forecasts[Method.SEASONAL_NAIVE.ordinal()] = baseline(items, ForecastEvaluation::seasonalNaive);
    forecasts[Method.WEEKDAY_MEAN.ordinal()] = baseline(items, ForecastEvaluation::weekdayMean);
    forecasts[Method.HOLT_WINTERS.ordinal()] =
        baseline(items, (y, cut) -> HoltWinters.forecast(y, cut - BASELINE_DAYS, cut, HORIZON));
    List<Score> scores = new ArrayList<>();
    for (Method m : methods) {
      scores.add(score(items, forecasts[m.ordinal()]));
    }
    List<Coverage> coverage = new ArrayList<>();
    if (model.quantiles() != null) {
      coverage.add(coverage(items, forecasts[Method.MODEL_WITHOUT_FUTURE.ordinal()], false, model));
      coverage.add(coverage(items, forecasts[Method.MODEL.ordinal()], true, model));
    }
    return new Result(items.size(), HORIZON, scores, coverage);
  }

  private static Coverage coverage(
      List<ForecastData.Item> items, float[][] forecasts, boolean futureRows, ForecastModel model) {
    int[] inside = new int[WEEKS];
    int[] days = new int[WEEKS];
    for (int i = 0; i < items.size(); i++) {
      float[] sales = items.get(i).sales();
      int cut = cut(i);
      for (int h = 0; h < HORIZON; h++) {
        float f = forecasts[i][h];
        float low = model.quantiles().quantile(futureRows, h, f, BAND_LOW);
        float high = model.quantiles().quantile(futureRows, h, f, BAND_HIGH);
        float actual = sales[cut + h];
        inside[h / 7] += actual >= low && actual <= high ? 1 : 0;
        days[h / 7]++;
      }
    }
    double[] byWeek = new double[WEEKS];
    for (int w = 0; w < WEEKS; w++) {
      byWeek[w] = inside[w] / (double) days[w];
    }
    return new Coverage(Arrays.stream(inside).sum() / (double) Arrays.stream(days).sum(), byWeek);
  }

  /**
   * The forecast origin of item {@code index}: the first forecast day, {@code 7 + 30 * (index %
   * 12)} days after the training calendar's last day, so that the horizons start in 12 different
   * months and none overlaps the training data.
   */
  static int cut(int index) {
    return ForecastTraining.DAYS + 7 + 30 * (index % 12);
  }

  /** Days a hold-out series needs for every cut and its horizon. */
  static int days() {
    return cut(11) + HORIZON;
  }

  private static Score score(List<ForecastData.Item> items, float[][] forecasts) {
    double[] errors = new double[WEEKS];
    double[] actuals = new double[WEEKS];
    for (int i = 0; i < items.size(); i++) {
      float[] sales = items.get(i).sales();
      int cut = cut(i);
      for (int h = 0; h < HORIZON; h++) {
        errors[h / 7] += Math.abs(sales[cut + h] - forecasts[i][h]);
        actuals[h / 7] += sales[cut + h];
      }
    }
    double[] byWeek = new double[WEEKS];
    for (int w = 0; w < WEEKS; w++) {
      byWeek[w] = errors[w] / actuals[w];
    }
    return new Score(Arrays.stream(errors).sum() / Arrays.stream(actuals).sum(), byWeek);
  }

  private interface Baseline {
    float[] forecast(float[] sales, int cut);
  }

  private static float[][] baseline(List<ForecastData.Item> items, Baseline method) {
    float[][] out = new float[items.size()][];
    for (int i = 0; i < items.size(); i++) {
      out[i] = method.forecast(items.get(i).sales(), cut(i));
    }
    return out;
  }

  /** Day h after the cut is the same weekday of the last observed week. */
  static float[] seasonalNaive(float[] sales, int cut) {
    float[] out = new float[HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      out[h] = sales[cut - 7 + h % 7];
    }
    return out;
  }

  /** Day h after the cut is the mean of the same weekday over the last 4 observed weeks. */
  static float[] weekdayMean(float[] sales, int cut) {
    float[] out = new float[HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      int day = cut - 7 + h % 7;
      out[h] = (sales[day] + sales[day - 7] + sales[day - 14] + sales[day - 21]) / 4f;
    }
    return out;
  }

  /** The model's forecasts for each item cut at {@link #cut}, as one request. */
  static float[][] forecast(
      ForecastModel model, List<ForecastData.Item> items, boolean futureInputs) {
    List<Series> series = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      series.add(series(items.get(i), cut(i), futureInputs));
    }
    return model
        .predict(List.of(new ForecastRequest(series, ForecastRequest.Shape.ARRAY)))
        .get(0)
        .values();
  }

  /**
   * The request for one item cut at {@code cut}: the 28 days before, the calendar, and, when {@code
   * futureInputs}, the horizon's promotions and prices (else none, and the last price held).
   */
  static Series series(ForecastData.Item item, int cut, boolean futureInputs) {
    int from = cut - ForecastFeatures.WINDOW;
    float[] futurePrice = new float[HORIZON];
    Arrays.fill(futurePrice, item.price()[cut - 1]);
    if (futureInputs) {
      futurePrice = Arrays.copyOfRange(item.price(), cut, cut + HORIZON);
    }
    return new Series(
        item.itemId(),
        item.firstDay() + cut - 1,
        Arrays.copyOfRange(item.sales(), from, cut),
        Arrays.copyOfRange(item.promo(), from, cut),
        Arrays.copyOfRange(item.price(), from, cut),
        HORIZON,
        futureInputs ? Arrays.copyOfRange(item.promo(), cut, cut + HORIZON) : new boolean[HORIZON],
        futurePrice,
        futureInputs,
        SpecialDays.of(ForecastData.specialDays(item.firstDay(), item.days())),
        ForecastFeatures.TARGETS,
        new float[0]);
  }
}
