package io.batchserve.model;

import io.batchserve.model.engine.CheckRows;
import io.batchserve.model.engine.Forest;
import io.batchserve.model.engine.ForestReader;
import io.batchserve.model.engine.UnsupportedModelException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the evaluator of a model's trees. With {@link Engine#AUTO} (the default) or {@link
 * Engine#JAVA}, the booster loaded by xgboost4j is read into a {@link Forest} and checked before
 * the first answer: every row of {@link CheckRows} (each split threshold and its float neighbours,
 * NaN, signed zeros, infinities per feature, then seeded random rows) must give the same margin and
 * the same prediction, bit for bit, from both. Any refusal or mismatch is logged in one line naming
 * the model (and the row and both values); the model is then served by xgboost4j, or, with {@link
 * Engine#JAVA}, loading fails. The check also warms the Java engine's code up.
 */
final class EngineChoice {
  private static final Logger LOG = LoggerFactory.getLogger(EngineChoice.class);
  private static final long SEED = 20261201L;
  private static final int RANDOM_ROWS = 2000;

  private EngineChoice() {}

  static Scorer load(Path artifact, String model, Engine engine) throws ModelLoadException {
    XgboostScorer xgboost = XgboostScorer.load(artifact);
    if (engine == Engine.XGBOOST4J) {
      LOG.info("model '{}': xgboost4j (--engine xgboost4j){}", model, openMpNote());
      return xgboost;
    }
    long start = System.nanoTime();
    String refusal;
    try {
      Forest forest = ForestReader.read(xgboost.json());
      refusal = verify(forest, xgboost, model);
      if (refusal == null) {
        LOG.info(
            "model '{}': Java engine ({} trees, {} features, {} link), verified bit for bit against"
                + " xgboost4j in {} ms",
            model,
            forest.trees(),
            forest.features(),
            forest.link().name().toLowerCase(Locale.ROOT),
            (System.nanoTime() - start) / 1_000_000);
        return new JavaScorer(forest, xgboost);
      }
    } catch (UnsupportedModelException e) {
      refusal = "the Java engine does not take " + e.getMessage();
    }
    if (engine == Engine.JAVA) {
      throw new ModelLoadException(
          "model '" + model + "' cannot be served by the Java engine (--engine java): " + refusal);
    }
    LOG.info("model '{}': xgboost4j ({}){}", model, refusal, openMpNote());
    return xgboost;
  }

  /**
   * xgboost4j's boosters run one thread each (nthread=1), but its OpenMP runtime reads
   * OMP_NUM_THREADS once, when the native library loads, and a process cannot set its own
   * environment beforehand; the image and the harness's child servers set it to 1. Said once per
   * model served by xgboost4j when it is missing.
   */
  private static String openMpNote() {
    return System.getenv("OMP_NUM_THREADS") != null
        ? ""
        : "; OMP_NUM_THREADS is not set: set it to 1, as the image does, for one native thread per"
            + " prediction";
  }

  /**
   * Null when the Java engine agrees with xgboost4j on every margin and output of every check row,
   * else why not.
   */
  static String verify(Forest forest, XgboostScorer xgboost, String model) {
    int width = forest.features();
    float[] rows = CheckRows.of(forest, SEED, RANDOM_ROWS);
    int count = rows.length / width;
    String margins =
        compare(
            model,
            "margin",
            forest.predict(rows, count, width, false),
            xgboost.margins(rows, count, width),
            forest.outputs(false));
    return margins != null
        ? margins
        : compare(
            model,
            "prediction",
            forest.predict(rows, count, width, true),
            xgboost.score(rows, count, width),
            forest.outputs(true));
  }

  private static String compare(
      String model, String what, float[] java, float[][] xgboost, int outputs) {
    for (int r = 0; r < xgboost.length; r++) {
      if (xgboost[r].length != outputs) {
        return "the Java engine gives "
            + outputs
            + " "
            + what
            + "s per row and xgboost4j "
            + xgboost[r].length
            + ", for model '"
            + model
            + "'";
      }
      for (int k = 0; k < outputs; k++) {
        if (Float.floatToIntBits(java[r * outputs + k]) != Float.floatToIntBits(xgboost[r][k])) {
          return mismatch(model, what, r, java[r * outputs + k], xgboost[r][k]);
        }
      }
    }
    return null;
  }

  private static String mismatch(String model, String what, int row, float java, float xgboost) {
    return "the Java engine's "
        + what
        + " differs from xgboost4j's at check row "
        + row
        + " of model '"
        + model
        + "': "
        + java
        + " (bits "
        + Integer.toHexString(Float.floatToRawIntBits(java))
        + ") vs "
        + xgboost
        + " (bits "
        + Integer.toHexString(Float.floatToRawIntBits(xgboost))
        + ")";
  }
}
