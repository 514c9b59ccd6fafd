package io.batchserve.model.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows a model is checked on before the Java engine may serve it: for every feature, each of
 * its split thresholds and the floats just below and above it, NaN, +0 and -0, the infinities and
 * the smallest subnormals, each set into a seeded random row; then seeded random rows (values near
 * thresholds, 2 % missing). Every branch of every tree, its missing-value direction and its
 * boundary are taken.
 */
public final class CheckRows {
  private static final float[] SPECIAL = {
    Float.NaN,
    0.0f,
    -0.0f,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.MIN_VALUE,
    -Float.MIN_VALUE
  };

  private CheckRows() {}

  /** Row-major values of the check rows, {@code forest.features()} per row. */
  public static float[] of(Forest forest, long seed, int randomRows) {
    float[][] thresholds = forest.thresholds();
    int width = forest.features();
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < randomRows; i++) {
      rows.add(randomRow(thresholds, random));
    }
    for (int f = 0; f < width; f++) {
      List<Float> values = new ArrayList<>();
      for (float t : thresholds[f]) {
        values.add(t);
        values.add(Math.nextDown(t));
        values.add(Math.nextUp(t));
      }
      for (float special : SPECIAL) {
        values.add(special);
      }
      for (float v : values) {
        float[] row = randomRow(thresholds, random);
        row[f] = v;
        rows.add(row);
      }
    }
    float[] out = new float[rows.size() * width];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, out, r * width, width);
    }
    return out;
  }

  private static float[] randomRow(float[][] thresholds, SplittableRandom random) {
    float[] row = new float[thresholds.length];
    for (int f = 0; f < row.length; f++) {
      float[] t = thresholds[f];
      if (random.nextInt(50) == 0) {
        row[f] = Float.NaN;
      } else if (t.length == 0) {
        row[f] = (float) random.nextGaussian();
      } else {
        float near = t[random.nextInt(t.length)];
        row[f] = near + (float) (random.nextGaussian() * Math.max(1e-3, Math.abs(near) * 0.05));
      }
    }
    return row;
  }
}
