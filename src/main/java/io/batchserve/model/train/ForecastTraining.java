package io.batchserve.model.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.XgboostScorer;
import io.batchserve.model.forecast.ForecastFeatures;
import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.forecast.ForecastRules;
import io.batchserve.model.forecast.QuantileTable;
import io.batchserve.model.forecast.SalesWindow;
import io.batchserve.model.forecast.SpecialDays;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code train forecast}: generates {@value #ITEMS} synthetic store-products of {@value #DAYS} days
 * ({@link ForecastData}), trains a one-step-ahead XGBoost regressor on every item-day from day 28
 * on (features from {@link SalesWindow}, the label is that day's sales), measures the recursive
 * 31-day accuracy on {@value #HOLDOUT_ITEMS} other items ({@link ForecastEvaluation}), and writes
 * the artifact and descriptor. The same command writes the same bytes.
 */
public final class ForecastTraining {
  public static final String ARTIFACT = "xgboost-model.ubj";
  public static final String QUANTILES = "quantiles.json";
  public static final long SEED = 20260101L;
  public static final int ITEMS = 800;
  public static final int HOLDOUT_ITEMS = 300;
  public static final int DAYS = 760;
  public static final long FIRST_DAY = LocalDate.of(2023, 1, 2).toEpochDay();
  public static final int ROUNDS = 200;
  static final int UNPRICED_EVERY = 7;
  static final Map<String, Object> PARAMS =
      Map.of(
          "objective",
          "reg:squarederror",
          "tree_method",
          "hist",
          "max_depth",
          6,
          "eta",
          0.1,
          "min_child_weight",
          5,
          "subsample",
          0.8,
          "colsample_bytree",
          0.8);

  /** What training produced. */
  public record Result(Path directory, int trainRows, ForecastEvaluation.Result holdout) {}

  private ForecastTraining() {}

  public static Result run(Path directory) throws IOException, ModelLoadException {
    float[][] rows = rows(ForecastData.generate("T", ITEMS, FIRST_DAY, DAYS, SEED));
    byte[] artifact = Trainer.train(rows[0], rows[1], ForecastFeatures.COUNT, PARAMS, ROUNDS);
    XgboostScorer scorer = XgboostScorer.fromBytes(artifact, "trained forecaster");
    ForecastModel point = ForecastModel.create("forecast", scorer, ForecastRules.defaults());
    QuantileTable quantiles = QuantileCalibration.build(point, QuantileCalibration.items());
    ForecastModel model =
        ForecastModel.create("forecast", scorer, ForecastRules.defaults(), quantiles);
    ForecastEvaluation.Result holdout = ForecastEvaluation.run(model, holdoutItems());
    Files.createDirectories(directory);
    Files.write(directory.resolve(ARTIFACT), artifact);
    Files.writeString(
        directory.resolve(QUANTILES),
        Json.MAPPER.writeValueAsString(quantiles.toJson()) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        directory.resolve(ModelDescriptor.FILE_NAME),
        descriptor(rows[1].length, holdout),
        StandardCharsets.UTF_8);
    return new Result(directory, rows[1].length, holdout);
  }

  /**
   * The held-out items: same generator, another seed, and a longer calendar, so that every forecast
   * origin ({@link ForecastEvaluation#cut}) comes after the training data ends.
   */
  public static List<ForecastData.Item> holdoutItems() {
    return ForecastData.generate(
        "H", HOLDOUT_ITEMS, FIRST_DAY, ForecastEvaluation.days(), SEED + 1);
  }

  /**
   * Row-major features and labels ({@code {x, y}}): one row per item-day from day 28 on. Every
   * {@value #UNPRICED_EVERY}th item (the first, the eighth, ...) is trained without its prices, as
   * a request that sends none, so that the model has learnt what to do with missing price features.
   */
  public static float[][] rows(List<ForecastData.Item> items) {
    int f = ForecastFeatures.COUNT;
    int rows = items.stream().mapToInt(i -> i.days() - ForecastFeatures.WINDOW).sum();
    float[] x = new float[Math.multiplyExact(rows, f)];
    float[] y = new float[rows];
    int r = 0;
    for (int i = 0; i < items.size(); i++) {
      ForecastData.Item item = items.get(i);
      SpecialDays special = SpecialDays.of(ForecastData.specialDays(item.firstDay(), item.days()));
      float[] price = i % UNPRICED_EVERY == 0 ? null : item.price();
      SalesWindow window = new SalesWindow(item.sales(), item.promo(), price, 0);
      for (int t = ForecastFeatures.WINDOW; t < item.days(); t++, r++) {
        float dayPrice = price == null ? Float.NaN : price[t];
        window.write(x, r * f, item.firstDay() + t, item.promo()[t], dayPrice, special);
        y[r] = item.sales()[t];
        window.push(item.sales()[t], item.promo()[t], dayPrice);
      }
    }
    return new float[][] {x, y};
  }

  private static String descriptor(int trainRows, ForecastEvaluation.Result holdout)
      throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("name", "forecast");
    root.put("kind", ForecastModel.KIND);
    root.put("artifact", ARTIFACT);
    root.put(
        "description",
        "Daily unit sales of a store-product, forecast day by day with each prediction fed back "
            + "as history (synthetic data, see docs/forecaster.md)");
    root.putArray("request_types").add(ForecastModel.REQUEST_TYPE);
    var features = root.putArray("features");
    ForecastFeatures.FEATURES.forEach(
        f -> features.addObject().put("name", f.name()).put("description", f.description()));
    root.put("min_history_days", ForecastFeatures.WINDOW);
    root.put("max_forecast_days", ForecastFeatures.MAX_FORECAST_DAYS);
    root.put(QuantileTable.FIELD, QUANTILES);
    var targets = root.putArray("targets");
    ForecastFeatures.TARGETS.forEach(targets::add);
    training(root.putObject("training"), trainRows, holdout);
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static void training(
      ObjectNode training, int trainRows, ForecastEvaluation.Result holdout) {
    training.put("command", "java -jar target/batchserve.jar train forecast");
    training.put("seed", SEED);
    training.put("items", ITEMS);
    training.put("days_per_item", DAYS);
    training.put("rows", trainRows);
    training.put("rounds", ROUNDS);
    training.set("params", Json.MAPPER.valueToTree(new TreeMap<>(PARAMS)));
    ObjectNode evaluation = training.putObject("holdout");
    evaluation.put("items", holdout.items());
    evaluation.put("horizon_days", holdout.horizon());
    ObjectNode wape = evaluation.putObject("wape");
    for (ForecastEvaluation.Method m : ForecastEvaluation.Method.values()) {
      wape.put(m.name().toLowerCase(Locale.ROOT), round(holdout.score(m).wape()));
    }
    ObjectNode band = evaluation.putObject("quantile_band_0.1_0.9_coverage");
    band.put("with_future_rows", round(holdout.coverage().get(1).share()));
    band.put("without_future_rows", round(holdout.coverage().get(0).share()));
    ObjectNode calibration = training.putObject("quantile_calibration");
    calibration.put("seed", SEED + QuantileCalibration.SEED_OFFSET);
    calibration.put("items", QuantileCalibration.ITEMS);
    calibration.put("horizon_days", ForecastEvaluation.HORIZON);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
