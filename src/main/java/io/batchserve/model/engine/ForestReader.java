package io.batchserve.model.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads XGBoost's JSON model (what {@code Booster.toByteArray("json")} gives, for a model loaded
 * from any format) into a {@link Forest}, refusing what the Java engine cannot evaluate exactly:
 * another booster than gbtree (dart, gblinear), parallel trees, several targets, a vector base
 * score, categorical splits, infinite thresholds, trees deeper than {@link Forest#MAX_DEPTH}, an
 * objective without an exact port. Numbers are read as exact decimals and rounded to float once, as
 * XGBoost wrote them from floats.
 */
public final class ForestReader {
  private static final ObjectMapper EXACT =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ForestReader() {}

  public static Forest read(byte[] json) throws UnsupportedModelException {
    JsonNode learner;
    try {
      learner = EXACT.readTree(json).path("learner");
    } catch (IOException e) {
      throw new UnsupportedModelException("the model's JSON cannot be read: " + e.getMessage());
    }
    JsonNode booster = learner.path("gradient_booster");
    require(
        "gbtree".equals(booster.path("name").asText()),
        "booster '" + booster.path("name").asText() + "' (only gbtree)");
    JsonNode params = learner.path("learner_model_param");
    require(
        integer(params, "num_target") <= 1,
        "num_target " + integer(params, "num_target") + " (multi-target)");
    JsonNode model = booster.path("model");
    require(
        integer(model.path("gbtree_model_param"), "num_parallel_tree") <= 1,
        "parallel trees per round");
    String objective = learner.path("objective").path("name").asText();
    Link link = Link.of(objective);
    require(link != null, "objective '" + objective + "' (no exact port)");
    int classes = integer(params, "num_class");
    require(
        link.multiClass() || classes <= 1,
        "num_class " + classes + " with objective '" + objective + "'");
    int groups = Math.max(1, classes);
    String base = params.path("base_score").asText().replace("[", "").replace("]", "").trim();
    require(!base.isEmpty() && !base.contains(","), "base score '" + base + "' (a vector)");
    int features = integer(params, "num_feature");
    JsonNode trees = model.path("trees");
    Forest.Builder forest =
        new Forest.Builder(features, link, link.baseMargin(Float.parseFloat(base)), groups);
    JsonNode treeInfo = model.path("tree_info");
    for (int t = 0; t < trees.size(); t++) {
      forest.add(tree(trees.get(t), features), treeInfo.path(t).asInt(-1));
    }
    return forest.build();
  }

  private static Tree tree(JsonNode tree, int features) throws UnsupportedModelException {
    int nodes = tree.path("left_children").size();
    Tree parsed = new Tree(nodes);
    for (int i = 0; i < nodes; i++) {
      require(tree.path("split_type").path(i).asInt() == 0, "categorical splits");
      parsed.left[i] = tree.path("left_children").path(i).asInt();
      parsed.right[i] = tree.path("right_children").path(i).asInt();
      parsed.feature[i] = tree.path("split_indices").path(i).asInt();
      parsed.value[i] = Float.parseFloat(tree.path("split_conditions").path(i).asText());
      parsed.defaultLeft[i] = tree.path("default_left").path(i).asInt() != 0;
      if (parsed.left[i] >= 0) {
        require(
            !Float.isInfinite(parsed.value[i]) && !Float.isNaN(parsed.value[i]),
            "a split at an infinite threshold");
        require(
            parsed.feature[i] >= 0 && parsed.feature[i] < features,
            "a split on feature " + parsed.feature[i] + " of " + features);
      }
    }
    return parsed;
  }

  private static int integer(JsonNode node, String field) {
    return Integer.parseInt(node.path(field).asText("0"));
  }

  private static void require(boolean supported, String what) throws UnsupportedModelException {
    if (!supported) {
      throw new UnsupportedModelException(what);
    }
  }
}
