package io.batchserve.testing;

import io.batchserve.model.ModelLoadException;
import io.batchserve.model.Scorer;
import io.batchserve.model.XgboostScorer;
import io.batchserve.model.forecast.ForecastFeatures;
import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.forecast.ForecastRules;
import io.batchserve.model.train.ForecastData;
import io.batchserve.model.train.ForecastTraining;
import io.batchserve.model.train.Trainer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Forecast request records, a tiny trained forecaster and a pure-Java scorer, for tests. */
public final class ForecastFixtures {
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 6, 1);

  private ForecastFixtures() {}

  /** A request record whose history starts on {@link #FIRST_DAY}, without promotions. */
  public static String record(String itemId, float[] sales, int forecastDays) {
    return record(itemId, sales, forecastDays, "");
  }

  /**
   * A request record; {@code extra} is appended inside the object (e.g. {@code
   * ,"future_rows":[...]}).
   */
  public static String record(String itemId, float[] sales, int forecastDays, String extra) {
    StringBuilder json =
        new StringBuilder("{\"request_type\":\"iterative_forecast\",\"item_id\":\"")
            .append(itemId)
            .append("\",\"historical_rows\":[");
    for (int t = 0; t < sales.length; t++) {
      json.append(t == 0 ? "" : ",")
          .append("{\"date\":\"")
          .append(FIRST_DAY.plusDays(t))
          .append("\",\"sales\":");
      if (sales[t] == Math.rint(sales[t])) {
        json.append((long) sales[t]);
      } else {
        json.append(sales[t]);
      }
      json.append(",\"promo\":0}");
    }
    return json.append("],\"forecast_days\":")
        .append(forecastDays)
        .append(",\"target_cols\":[\"daily_sales\"]")
        .append(extra)
        .append('}')
        .toString();
  }

  /** {@code days} days of a smooth weekly pattern around {@code level}. */
  public static float[] sales(int days, float level) {
    float[] sales = new float[days];
    for (int t = 0; t < days; t++) {
      sales[t] = Math.round(level * (1 + 0.3f * (float) Math.sin(2 * Math.PI * t / 7)));
    }
    return sales;
  }

  /** The last date of a history of {@code days} days starting on {@link #FIRST_DAY}. */
  public static LocalDate lastDay(int days) {
    return FIRST_DAY.plusDays(days - 1);
  }

  /** A small forecaster trained in a second on 40 synthetic items. */
  public static Scorer tinyTrainedScorer() {
    List<ForecastData.Item> items = ForecastData.generate("T", 40, FIRST_DAY.toEpochDay(), 200, 7);
    float[][] rows = ForecastTraining.rows(items);
    byte[] model =
        Trainer.train(
            rows[0],
            rows[1],
            ForecastFeatures.COUNT,
            Map.of("objective", "reg:squarederror", "max_depth", 4, "eta", 0.3),
            20);
    try {
      return XgboostScorer.fromBytes(model, "tiny forecaster");
    } catch (ModelLoadException e) {
      throw new AssertionError(e);
    }
  }

  public static ForecastModel model(Scorer scorer) {
    return ForecastModel.create("forecast", scorer, ForecastRules.defaults());
  }

  /** A pure-Java scorer: each row's prediction is {@code f} of the row's named features. */
  public static Scorer fake(ToDoubleFunction<Map<String, Float>> f) {
    List<String> names = ForecastFeatures.names();
    return new Scorer() {
      @Override
      public float[][] score(float[] values, int rows, int columns) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
          Map<String, Float> row = new HashMap<>();
          for (int c = 0; c < columns; c++) {
            row.put(names.get(c), values[r * columns + c]);
          }
          out[r] = new float[] {(float) f.applyAsDouble(row)};
        }
        return out;
      }

      @Override
      public int features() {
        return names.size();
      }
    };
  }
}
