package io.batchserve.model.forecast;

import io.batchserve.codec.MediaType;
import io.batchserve.model.Model;
import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.ModelInfo;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.Scorer;
import io.batchserve.model.XgboostScorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The iterative demand forecaster: one JSON record per store-product with its daily history in, one
 * forecast per record out. A one-step-ahead XGBoost regressor predicts day 1 from the {@link
 * ForecastFeatures} of the history, the prediction is fed back as day 1's sales, day 2 is
 * predicted, and so on over the horizon.
 *
 * <p>{@link #predict} runs the recursion for ALL series of all the batches it is given together
 * ({@link Recursion}): one native call per day step, so a batch costs as many calls as its longest
 * horizon whatever the number of series. Immutable and thread-safe.
 */
public final class ForecastModel implements Model<ForecastRequest, Forecasts> {
  /** The kind name in a descriptor. */
  public static final String KIND = "forecast";

  /** The {@code request_type} of the records this model reads. */
  public static final String REQUEST_TYPE = "iterative_forecast";

  private static final List<MediaType> TYPES = List.of(MediaType.JSON_LINES, MediaType.JSON);

  private final ModelInfo info;
  private final Scorer scorer;
  private final BodyReader reader;
  private final QuantileTable quantiles;

  private ForecastModel(
      ModelInfo info, Scorer scorer, ForecastRules rules, QuantileTable quantiles) {
    this.info = info;
    this.scorer = scorer;
    this.reader = new BodyReader(rules, quantiles != null);
    this.quantiles = quantiles;
  }

  /**
   * A forecaster over any scorer of {@link ForecastFeatures#COUNT} features; used by loading,
   * training and tests.
   */
  public static ForecastModel create(String name, Scorer scorer, ForecastRules rules) {
    return create(name, scorer, rules, null);
  }

  /** A forecaster that also answers {@code quantiles} from {@code quantiles} (may be null). */
  public static ForecastModel create(
      String name, Scorer scorer, ForecastRules rules, QuantileTable quantiles) {
    if (scorer.features() != ForecastFeatures.COUNT) {
      throw new IllegalArgumentException(
          "a forecast model reads "
              + ForecastFeatures.COUNT
              + " features; its "
              + "XGBoost model was trained on "
              + scorer.features());
    }
    Set<String> requestTypes = rules.requestTypes();
    String summary =
        "iterative "
            + String.join(", ", rules.targets())
            + " forecast from at least "
            + rules.minHistoryDays()
            + " days of history, up to "
            + rules.maxForecastDays()
            + " days ahead"
            + (quantiles == null ? "" : ", with quantiles");
    return new ForecastModel(
        new ModelInfo(name, KIND, TYPES, TYPES, requestTypes, summary), scorer, rules, quantiles);
  }

  /**
   * Loads the model of a descriptor of kind {@value #KIND}; see {@code docs/forecaster.md} for its
   * fields.
   */
  public static ForecastModel load(ModelDescriptor descriptor) throws ModelLoadException {
    return load(descriptor, XgboostScorer.load(descriptor.artifactPath()));
  }

  /**
   * A forecast model over the scorer its artifact was loaded into (by the engine the server chose).
   */
  public static ForecastModel load(ModelDescriptor descriptor, Scorer scorer)
      throws ModelLoadException {
    List<String> features = descriptor.names("features");
    if (!features.equals(ForecastFeatures.names())) {
      throw new ModelLoadException(
          descriptor.file()
              + ": a forecast model's features must be exactly "
              + ForecastFeatures.names()
              + " (this server computes them), got "
              + features);
    }
    try {
      ForecastRules rules =
          new ForecastRules(
              new HashSet<>(descriptor.names("request_types")),
              integer(descriptor, "min_history_days"),
              integer(descriptor, "max_forecast_days"),
              descriptor.names("targets"));
      return create(descriptor.name(), scorer, rules, quantiles(descriptor));
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(descriptor.file() + ": " + e.getMessage(), e);
    }
  }

  /** The table named by the descriptor's optional {@value QuantileTable#FIELD} field. */
  private static QuantileTable quantiles(ModelDescriptor descriptor) throws ModelLoadException {
    var node = descriptor.raw().get(QuantileTable.FIELD);
    if (node == null) {
      return null;
    }
    if (!node.isTextual() || !node.asText().matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
      throw new ModelLoadException(
          descriptor.file()
              + ": '"
              + QuantileTable.FIELD
              + "' must name a file beside the descriptor, got "
              + node);
    }
    try {
      return QuantileTable.read(descriptor.directory().resolve(node.asText()));
    } catch (IOException e) {
      throw new ModelLoadException("cannot read the quantile table: " + e.getMessage(), e);
    }
  }

  /** The quantile table, or null when the model answers no quantiles. */
  public QuantileTable quantiles() {
    return quantiles;
  }

  private static int integer(ModelDescriptor descriptor, String field) throws ModelLoadException {
    var node = descriptor.raw().get(field);
    if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToInt()) {
      throw new ModelLoadException(descriptor.file() + ": '" + field + "' must be a whole number");
    }
    return node.asInt();
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public ForecastRequest decode(MediaType contentType, byte[] body, int length) {
    return reader.read(contentType, body, length);
  }

  /** Forecasts all batches' series together; see {@link Recursion}. Runs on a worker thread. */
  @Override
  public List<Forecasts> predict(List<ForecastRequest> batches) {
    List<Series> all = new ArrayList<>();
    for (ForecastRequest batch : batches) {
      all.addAll(batch.series());
    }
    float[][] values = Recursion.run(scorer, all);
    List<Forecasts> answers = new ArrayList<>(batches.size());
    int at = 0;
    for (ForecastRequest batch : batches) {
      answers.add(new Forecasts(batch, Arrays.copyOfRange(values, at, at + batch.records())));
      at += batch.records();
    }
    return answers;
  }

  @Override
  public byte[] encode(Forecasts result, MediaType accept) {
    return ForecastEncoder.encode(result, accept, quantiles);
  }

  @Override
  public String engine() {
    return scorer.engine();
  }

  @Override
  public void warmUp() {
    Series flat =
        Series.of(
            "warm-up",
            0,
            new float[ForecastFeatures.WINDOW],
            new boolean[ForecastFeatures.WINDOW],
            new boolean[1],
            ForecastFeatures.TARGETS);
    Recursion.run(scorer, List.of(flat));
  }
}
