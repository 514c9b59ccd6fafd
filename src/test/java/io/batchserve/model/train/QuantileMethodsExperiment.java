package io.batchserve.model.train;

import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.Scorer;
import io.batchserve.model.XgboostScorer;
import io.batchserve.model.forecast.ForecastFeatures;
import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.forecast.ForecastRules;
import io.batchserve.model.forecast.QuantileTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement behind the forecaster's choice of quantile method (docs/forecast-accuracy.md),
 * not a test: on the hold-out, the committed empirical error table against one-step quantile models
 * trained with XGBoost's {@code reg:quantileerror} (alpha 0.1 and 0.9, the point model's other
 * parameters) and evaluated on the same recursive feature rows. Prints each method's 0.1-0.9 band
 * coverage per horizon week, its mean width relative to mean sales, and the pinball losses. Run:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     io.batchserve.model.train.QuantileMethodsExperiment
 * </pre>
 */
public final class QuantileMethodsExperiment {
  private QuantileMethodsExperiment() {}

  /** Records every call's feature rows. */
  private static final class Recording implements Scorer {
    final Scorer inner;
    final List<float[]> calls = new ArrayList<>();

    Recording(Scorer inner) {
      this.inner = inner;
    }

    @Override
    public float[][] score(float[] values, int rows, int columns) {
      calls.add(Arrays.copyOf(values, rows * columns));
      return inner.score(values, rows, columns);
    }

    @Override
    public int features() {
      return inner.features();
    }
  }

  public static void main(String[] args) throws Exception {
    ModelDescriptor descriptor = ModelDescriptor.read(Path.of("model/forecast"));
    ForecastModel committed = ForecastModel.load(descriptor);
    List<ForecastData.Item> items = ForecastTraining.holdoutItems();
    float[][] rows =
        ForecastTraining.rows(
            ForecastData.generate(
                "T",
                ForecastTraining.ITEMS,
                ForecastTraining.FIRST_DAY,
                ForecastTraining.DAYS,
                ForecastTraining.SEED));
    Scorer low = quantileModel(rows, 0.1);
    Scorer high = quantileModel(rows, 0.9);
    for (boolean future : new boolean[] {true, false}) {
      Recording recording = new Recording(XgboostScorer.load(descriptor.artifactPath()));
      ForecastModel model = ForecastModel.create("forecast", recording, ForecastRules.defaults());
      float[][] point = ForecastEvaluation.forecast(model, items, future);
      float[][][] xgb = new float[2][items.size()][ForecastEvaluation.HORIZON];
      float[][][] table = new float[2][items.size()][ForecastEvaluation.HORIZON];
      QuantileTable t = committed.quantiles();
      for (int h = 0; h < ForecastEvaluation.HORIZON; h++) {
        float[] x = recording.calls.get(h);
        float[][] lo = low.score(x, items.size(), ForecastFeatures.COUNT);
        float[][] hi = high.score(x, items.size(), ForecastFeatures.COUNT);
        for (int i = 0; i < items.size(); i++) {
          xgb[0][i][h] = Math.max(0, Math.min(lo[i][0], hi[i][0]));
          xgb[1][i][h] = Math.max(0, Math.max(lo[i][0], hi[i][0]));
          table[0][i][h] = t.quantile(future, h, point[i][h], 0.1);
          table[1][i][h] = t.quantile(future, h, point[i][h], 0.9);
        }
      }
      String when = future ? "with future_rows" : "without future_rows";
      report("empirical error table, " + when, items, table);
      report("XGBoost reg:quantileerror, one-step, " + when, items, xgb);
    }
  }

  private static Scorer quantileModel(float[][] rows, double alpha) throws Exception {
    Map<String, Object> params = new HashMap<>(ForecastTraining.PARAMS);
    params.put("objective", "reg:quantileerror");
    params.put("quantile_alpha", alpha);
    byte[] model =
        Trainer.train(rows[0], rows[1], ForecastFeatures.COUNT, params, ForecastTraining.ROUNDS);
    return XgboostScorer.fromBytes(model, "quantile " + alpha);
  }

  private static void report(String name, List<ForecastData.Item> items, float[][][] band) {
    int[] inside = new int[ForecastEvaluation.WEEKS];
    int[] days = new int[ForecastEvaluation.WEEKS];
    double width = 0;
    double sales = 0;
    double pinballLow = 0;
    double pinballHigh = 0;
    for (int i = 0; i < items.size(); i++) {
      int cut = ForecastEvaluation.cut(i);
      for (int h = 0; h < ForecastEvaluation.HORIZON; h++) {
        float y = items.get(i).sales()[cut + h];
        float lo = band[0][i][h];
        float hi = band[1][i][h];
        inside[h / 7] += y >= lo && y <= hi ? 1 : 0;
        days[h / 7]++;
        width += hi - lo;
        sales += y;
        pinballLow += pinball(y, lo, 0.1);
        pinballHigh += pinball(y, hi, 0.9);
      }
    }
    StringBuilder weeks = new StringBuilder();
    for (int w = 0; w < inside.length; w++) {
      weeks.append(String.format(" %.3f", inside[w] / (double) days[w]));
    }
    System.out.printf(
        "%-58s coverage %.3f (weeks%s), width/sales %.3f, pinball 0.1 %.4f, 0.9 %.4f%n",
        name,
        Arrays.stream(inside).sum() / (double) Arrays.stream(days).sum(),
        weeks,
        width / sales,
        pinballLow / sales,
        pinballHigh / sales);
  }

  private static double pinball(float y, float q, double level) {
    return y >= q ? level * (y - q) : (1 - level) * (q - y);
  }
}
