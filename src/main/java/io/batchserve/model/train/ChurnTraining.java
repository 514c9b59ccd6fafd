package io.batchserve.model.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.XgboostScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code train churn}: generates the synthetic customer base, trains a binary classifier on 80 % of
 * it, reports the hold-out AUC, and writes the artifact and descriptor into a model folder.
 */
public final class ChurnTraining {
  public static final String ARTIFACT = "xgboost-model.ubj";
  public static final long SEED = 20261123L;
  public static final int CUSTOMERS = 60_000;
  public static final int ROUNDS = 300;
  static final Map<String, Object> PARAMS =
      Map.of(
          "objective",
          "binary:logistic",
          "tree_method",
          "hist",
          "max_depth",
          6,
          "eta",
          0.05,
          "min_child_weight",
          5,
          "subsample",
          0.8,
          "colsample_bytree",
          0.8);

  /** What training produced. */
  public record Result(Path directory, double holdoutAuc, int trainRows, int holdoutRows) {}

  private ChurnTraining() {}

  public static Result run(Path directory) throws IOException, ModelLoadException {
    List<ChurnData.Customer> customers = ChurnData.generate(CUSTOMERS, SEED);
    int trainRows = CUSTOMERS * 8 / 10;
    List<ChurnData.Customer> train = customers.subList(0, trainRows);
    List<ChurnData.Customer> holdout = customers.subList(trainRows, customers.size());
    int columns = ChurnData.FEATURES.size();
    byte[] model = Trainer.train(features(train), labels(train), columns, PARAMS, ROUNDS);
    float[] holdoutScores = score(model, holdout, columns);
    double auc = Trainer.auc(holdoutScores, labels(holdout));
    Files.createDirectories(directory);
    Files.write(directory.resolve(ARTIFACT), model);
    Files.writeString(
        directory.resolve(ModelDescriptor.FILE_NAME),
        descriptor(auc, trainRows),
        StandardCharsets.UTF_8);
    return new Result(directory, auc, trainRows, holdout.size());
  }

  private static float[] score(byte[] model, List<ChurnData.Customer> rows, int columns)
      throws ModelLoadException {
    float[][] scores =
        XgboostScorer.fromBytes(model, "trained churn model")
            .score(features(rows), rows.size(), columns);
    float[] flat = new float[scores.length];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = scores[i][0];
    }
    return flat;
  }

  static float[] features(List<ChurnData.Customer> customers) {
    int columns = ChurnData.FEATURES.size();
    float[] values = new float[customers.size() * columns];
    for (int i = 0; i < customers.size(); i++) {
      double[] f = customers.get(i).features();
      for (int j = 0; j < columns; j++) {
        values[i * columns + j] = (float) f[j];
      }
    }
    return values;
  }

  static float[] labels(List<ChurnData.Customer> customers) {
    float[] labels = new float[customers.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = customers.get(i).churned() ? 1f : 0f;
    }
    return labels;
  }

  private static String descriptor(double auc, int trainRows) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("name", "churn");
    root.put("kind", "tabular");
    root.put("artifact", ARTIFACT);
    root.put(
        "description",
        "Probability that a telecom customer churns next month (synthetic data, see README)");
    ArrayNode features = root.putArray("features");
    ChurnData.FEATURES.forEach(
        f -> features.addObject().put("name", f.name()).put("description", f.description()));
    root.putArray("passthrough").add("customer_id");
    root.putArray("request_types").add("churn");
    ObjectNode training = root.putObject("training");
    training.put("command", "java -jar target/batchserve.jar train churn");
    training.put("seed", SEED);
    training.put("rows", trainRows);
    training.put("rounds", ROUNDS);
    training.set("params", Json.MAPPER.valueToTree(new TreeMap<>(PARAMS)));
    training.put("holdout_auc", Math.round(auc * 10_000) / 10_000.0);
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
