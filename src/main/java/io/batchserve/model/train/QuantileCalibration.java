package io.batchserve.model.train;

import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.forecast.QuantileTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the forecaster's {@link QuantileTable} from its errors on {@value #ITEMS} calibration
 * items (the generator with a seed of its own, cut like the hold-out at origins after the training
 * data), forecast as the server forecasts them, with and without the horizon's promotions and
 * prices. Each bucket's quantiles are the linearly interpolated order statistics of its scaled
 * errors (the common "type 7" definition), rounded to 4 decimals; a bucket with fewer than {@value
 * #MIN_BUCKET} errors takes its week's errors over all forecast sizes instead.
 */
final class QuantileCalibration {
  static final int ITEMS = 600;
  static final long SEED_OFFSET = 3;
  static final int MIN_BUCKET = 100;

  private QuantileCalibration() {}

  static List<ForecastData.Item> items() {
    return ForecastData.generate(
        "C",
        ITEMS,
        ForecastTraining.FIRST_DAY,
        ForecastEvaluation.days(),
        ForecastTraining.SEED + SEED_OFFSET);
  }

  static QuantileTable build(ForecastModel model, List<ForecastData.Item> items) {
    float[][][][] r = new float[2][][][];
    for (int known = 0; known < 2; known++) {
      float[][] forecasts = ForecastEvaluation.forecast(model, items, known == 1);
      r[known] = table(items, forecasts);
    }
    return new QuantileTable(r);
  }

  private static float[][][] table(List<ForecastData.Item> items, float[][] forecasts) {
    int weeks = QuantileTable.WEEKS;
    int bins = QuantileTable.BINS;
    List<List<List<Float>>> errors = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      List<List<Float>> week = new ArrayList<>();
      for (int b = 0; b <= bins; b++) {
        week.add(new ArrayList<>());
      }
      errors.add(week);
    }
    for (int i = 0; i < items.size(); i++) {
      float[] sales = items.get(i).sales();
      int cut = ForecastEvaluation.cut(i);
      for (int h = 0; h < ForecastEvaluation.HORIZON; h++) {
        float f = forecasts[i][h];
        float e = QuantileTable.scaledError(sales[cut + h], f);
        List<List<Float>> week = errors.get(QuantileTable.week(h));
        week.get(QuantileTable.bin(f)).add(e);
        week.get(bins).add(e);
      }
    }
    float[][][] table = new float[weeks][bins][];
    for (int w = 0; w < weeks; w++) {
      for (int b = 0; b < bins; b++) {
        List<Float> bucket = errors.get(w).get(b);
        table[w][b] = levels(bucket.size() >= MIN_BUCKET ? bucket : errors.get(w).get(bins));
      }
    }
    return table;
  }

  /** The quantiles at 0.01 .. 0.99 of {@code values}. */
  static float[] levels(List<Float> values) {
    double[] sorted = values.stream().mapToDouble(Float::doubleValue).sorted().toArray();
    float[] out = new float[QuantileTable.LEVELS];
    for (int i = 0; i < out.length; i++) {
      double position = (sorted.length - 1) * (i + 1) / 100.0;
      int below = (int) Math.floor(position);
      int above = Math.min(below + 1, sorted.length - 1);
      double value = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
      out[i] = (float) (Math.round(value * 10_000) / 10_000.0);
    }
    return out;
  }
}
