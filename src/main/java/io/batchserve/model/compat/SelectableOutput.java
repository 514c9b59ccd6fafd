package io.batchserve.model.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * SageMaker XGBoost's selectable inference output ({@code SAGEMAKER_INFERENCE_OUTPUT}): which keys
 * an objective offers and what each is worth for one record's prediction, as the container's {@code
 * serve_utils.get_selected_predictions} computes them. Keys are read as the container reads them
 * (spaces removed, lower case, split on commas); a key the objective does not offer is refused
 * here, where the container answers {@code NaN} for it.
 */
public final class SelectableOutput {
  static final String PREDICTED_LABEL = "predicted_label";
  static final String LABELS = "labels";
  static final String PROBABILITY = "probability";
  static final String PROBABILITIES = "probabilities";
  static final String RAW_SCORE = "raw_score";
  static final String RAW_SCORES = "raw_scores";
  static final String PREDICTED_SCORE = "predicted_score";

  /** The order of the keys in a JSON answer, whatever their order in the variable. */
  private static final List<String> JSON_ORDER =
      List.of(
          PREDICTED_LABEL,
          LABELS,
          PROBABILITY,
          PROBABILITIES,
          RAW_SCORE,
          RAW_SCORES,
          PREDICTED_SCORE);

  private static final List<String> REGRESSION = List.of(PREDICTED_SCORE);
  private static final List<String> CLASSIFIER =
      List.of(PREDICTED_LABEL, LABELS, RAW_SCORE, RAW_SCORES);
  private static final Map<String, List<String>> OFFERED =
      Map.ofEntries(
          Map.entry("reg:squarederror", REGRESSION),
          Map.entry("reg:logistic", REGRESSION),
          Map.entry("reg:gamma", REGRESSION),
          Map.entry("reg:absoluteerror", REGRESSION),
          Map.entry("reg:tweedie", REGRESSION),
          Map.entry("binary:logistic", JSON_ORDER.subList(0, 6)),
          Map.entry("binary:logitraw", CLASSIFIER),
          Map.entry("binary:hinge", CLASSIFIER),
          Map.entry("multi:softmax", CLASSIFIER),
          Map.entry("multi:softprob", JSON_ORDER.subList(0, 6)));

  private final Objective objective;
  private final List<String> keys;

  private SelectableOutput(Objective objective, List<String> keys) {
    this.objective = objective;
    this.keys = keys;
  }

  /**
   * The keys of {@code variable} for a model of {@code objective}.
   *
   * @throws IllegalArgumentException naming the key and what the objective offers, when one does
   *     not apply
   */
  public static SelectableOutput of(String variable, Objective objective, String model) {
    List<String> offered = OFFERED.get(objective.name());
    if (offered == null) {
      throw new IllegalArgumentException(
          "SAGEMAKER_INFERENCE_OUTPUT='"
              + variable
              + "' for model '"
              + model
              + "': objective '"
              + objective.name()
              + "' has no selectable output (SageMaker XGBoost offers it for "
              + String.join(", ", OFFERED.keySet().stream().sorted().toList())
              + "); unset the variable to answer its predictions");
    }
    List<String> keys = List.of(variable.replace(" ", "").toLowerCase(Locale.ROOT).split(",", -1));
    for (String key : keys) {
      if (!offered.contains(key)) {
        throw new IllegalArgumentException(
            "SAGEMAKER_INFERENCE_OUTPUT='"
                + variable
                + "' for model '"
                + model
                + "': '"
                + key
                + "' does not apply to objective '"
                + objective.name()
                + "' (it offers "
                + String.join(", ", offered)
                + "); SageMaker XGBoost would answer NaN for it");
      }
    }
    return new SelectableOutput(objective, keys);
  }

  /** The keys as the variable lists them: the columns of a CSV answer. */
  public List<String> keys() {
    return keys;
  }

  /**
   * One record's selected values, in the container's JSON order: an Integer, a Double, or a list of
   * them. {@code prediction} is the booster's output for the record (one value, or one per class).
   */
  public Map<String, Object> values(float[] prediction) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : JSON_ORDER) {
      if (keys.contains(key)) {
        out.put(key, value(key, prediction));
      }
    }
    return out;
  }

  private Object value(String key, float[] p) {
    boolean softprob = objective.name().equals("multi:softprob");
    double first = p[0];
    return switch (key) {
      case PREDICTED_LABEL -> label(p);
      case LABELS ->
          objective.name().startsWith("binary:")
              ? List.of(0, 1)
              : IntStream.range(0, objective.classes()).boxed().toList();
      case PROBABILITY, RAW_SCORE -> softprob ? (double) p[argmax(p)] : first;
      case PROBABILITIES, RAW_SCORES -> softprob ? doubles(p) : List.of(1.0 - first, first);
      default -> first;
    };
  }

  private Object label(float[] p) {
    return switch (objective.name()) {
      case "binary:logistic" -> p[0] > 0.5 ? 1 : 0;
      case "binary:logitraw" -> p[0] > 0 ? 1 : 0;
      case "multi:softprob" -> argmax(p);
      default -> (double) p[0];
    };
  }

  /** numpy's argmax: the first of the largest. */
  private static int argmax(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  private static List<Double> doubles(float[] p) {
    List<Double> out = new ArrayList<>(p.length);
    for (float v : p) {
      out.add((double) v);
    }
    return out;
  }
}
