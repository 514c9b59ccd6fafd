package io.batchserve.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.model.engine.Forest;
import io.batchserve.model.engine.ForestReader;
import io.batchserve.model.engine.UnsupportedModelException;
import io.batchserve.model.train.Trainer;
import io.batchserve.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java engine against xgboost4j on models trained here: every supported objective, several
 * depths, missing values. Each must pass the on-load check and then agree bit for bit on 20,000
 * fresh random rows (a property test); the kinds it refuses fall back to xgboost4j with a log line,
 * or fail with --engine java.
 */
class ForestExactnessTest {
  private static final int FEATURES = 8;
  private static final int ROWS = 3000;
  private static final int CLASSES = 4;
  @TempDir Path dir;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("binary:logistic", 1),
        Arguments.of("binary:logistic", 3),
        Arguments.of("binary:logistic", 6),
        Arguments.of("binary:logistic", 10),
        Arguments.of("reg:logistic", 4),
        Arguments.of("reg:squarederror", 6),
        Arguments.of("reg:squarederror", 2),
        Arguments.of("reg:absoluteerror", 5),
        Arguments.of("count:poisson", 5),
        Arguments.of("reg:gamma", 4),
        Arguments.of("reg:tweedie", 6),
        Arguments.of("binary:logitraw", 3),
        Arguments.of("multi:softprob", 4),
        Arguments.of("multi:softprob", 7),
        Arguments.of("multi:softmax", 5));
  }

  @ParameterizedTest(name = "{0}, depth {1}")
  @MethodSource("models")
  void javaEngine_trainedModel_agreesBitForBit(String objective, int depth) throws Exception {
    Map<String, Object> params =
        new HashMap<>(Map.of("objective", objective, "max_depth", depth, "eta", 0.3));
    if (objective.startsWith("multi:")) {
      params.put("num_class", CLASSES);
    }
    XgboostScorer xgboost = XgboostScorer.fromBytes(train(params, 30), objective);
    Forest forest = ForestReader.read(xgboost.json());
    assertNull(EngineChoice.verify(forest, xgboost, objective));
    float[] rows = randomRows(new SplittableRandom(99), 20_000);
    float[] java = forest.predict(rows, 20_000, FEATURES, true);
    float[][] reference = xgboost.score(rows, 20_000, FEATURES);
    int outputs = forest.outputs(true);
    assertEquals(objective.equals("multi:softprob") ? CLASSES : 1, outputs);
    for (int r = 0; r < reference.length; r++) {
      assertEquals(outputs, reference[r].length, "row " + r);
      for (int k = 0; k < outputs; k++) {
        assertEquals(
            Float.floatToIntBits(reference[r][k]),
            Float.floatToIntBits(java[r * outputs + k]),
            "row " + r + ", output " + k);
      }
    }
    assertSameInSlices(forest, rows, java, outputs);
  }

  /**
   * The same rows predicted again in calls of many sizes, so that every walk (one row through four
   * trees, four rows together, a block level by level) is held to the answers compared above.
   */
  private static void assertSameInSlices(Forest forest, float[] rows, float[] whole, int outputs) {
    int[] sizes = {1, 2, 3, 4, 5, 31, 32, 33, 63, 64, 65, 97, 200};
    int total = whole.length / outputs;
    for (int k = 0, first = 0; first < total; k++) {
      int n = Math.min(sizes[k % sizes.length], total - first);
      float[] part =
          forest.predict(
              Arrays.copyOfRange(rows, first * FEATURES, (first + n) * FEATURES),
              n,
              FEATURES,
              true);
      assertArrayEquals(
          Arrays.copyOfRange(whole, first * outputs, (first + n) * outputs),
          part,
          "rows " + first + " to " + (first + n - 1) + " in one call of " + n);
      first += n;
    }
  }

  @Test
  void refused_dartLinearAndTooDeep_fallBackWithALogLine() throws Exception {
    assertRefused(
        train(Map.of("objective", "binary:logistic", "booster", "dart", "max_depth", 3), 5),
        "booster 'dart'");
    assertRefused(
        train(Map.of("objective", "reg:squarederror", "booster", "gblinear"), 5),
        "booster 'gblinear'");
    assertRefused(
        train(
            Map.of(
                "objective",
                "reg:squarederror",
                "max_depth",
                16,
                "min_child_weight",
                0,
                "grow_policy",
                "lossguide",
                "max_leaves",
                0),
            2),
        "too deep to pad");
    assertRefused(train(Map.of("objective", "reg:pseudohubererror", "max_depth", 3), 5), null);
  }

  private void assertRefused(byte[] model, String reason) throws Exception {
    XgboostScorer xgboost = XgboostScorer.fromBytes(model, "refused");
    if (reason != null) {
      UnsupportedModelException e =
          assertThrows(UnsupportedModelException.class, () -> ForestReader.read(xgboost.json()));
      assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
    Path artifact = Files.write(dir.resolve("m.ubj"), model);
    try (LogCapture log = new LogCapture()) {
      Scorer scorer = EngineChoice.load(artifact, "m", Engine.AUTO);
      if (reason != null) {
        assertTrue(scorer instanceof XgboostScorer, "falls back to xgboost4j");
        assertTrue(
            log.text().contains("model 'm': xgboost4j (the Java engine does not take ")
                && log.text().contains(reason),
            log.text());
        ModelLoadException e =
            assertThrows(
                ModelLoadException.class, () -> EngineChoice.load(artifact, "m", Engine.JAVA));
        assertTrue(
            e.getMessage().contains("cannot be served by the Java engine (--engine java)"),
            e.getMessage());
      }
    }
  }

  /**
   * A model trained on rows with missing values, negative zeros and a label fitting the objective.
   */
  private static byte[] train(Map<String, Object> params, int rounds) {
    SplittableRandom random = new SplittableRandom(7);
    float[] x = randomRows(random, ROWS);
    float[] y = new float[ROWS];
    String objective = (String) params.get("objective");
    for (int r = 0; r < ROWS; r++) {
      float a = Float.isNaN(x[r * FEATURES]) ? 0 : x[r * FEATURES];
      float b = Float.isNaN(x[r * FEATURES + 1]) ? 0 : x[r * FEATURES + 1];
      double signal = a * 1.5 - b + random.nextGaussian() * 0.3;
      y[r] =
          switch (objective) {
            case "binary:logistic", "reg:logistic", "binary:logitraw" -> signal > 0 ? 1 : 0;
            case "multi:softprob", "multi:softmax" ->
                signal < -1 ? 0 : signal < 0 ? 1 : signal < 1 ? 2 : 3;
            case "count:poisson", "reg:tweedie" ->
                (float) Math.floor(Math.exp(signal / 2) * 3 * random.nextDouble());
            case "reg:gamma" -> (float) Math.exp(signal / 2) + 0.01f;
            default -> (float) signal;
          };
    }
    Map<String, Object> all = new HashMap<>(params);
    all.putIfAbsent("seed", 3);
    return Trainer.train(x, y, FEATURES, all, rounds);
  }

  private static float[] randomRows(SplittableRandom random, int rows) {
    float[] x = new float[rows * FEATURES];
    for (int i = 0; i < x.length; i++) {
      int kind = random.nextInt(100);
      x[i] =
          kind < 8
              ? Float.NaN
              : kind < 10
                  ? -0.0f
                  : kind < 12 ? 0.0f : (float) (random.nextGaussian() * (1 + i % FEATURES));
    }
    return x;
  }
}
