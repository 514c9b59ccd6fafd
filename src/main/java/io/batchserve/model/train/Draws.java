package io.batchserve.model.train;

import java.util.Random;

/**
 * Seeded random draws that give the same numbers on every JVM: {@link Random}'s algorithm is
 * specified, and only {@link StrictMath} is used on top of it.
 */
final class Draws {
  private final Random random;

  public Draws(long seed) {
    this.random = new Random(seed);
  }

  public double uniform(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  public double normal(double mean, double sd) {
    return mean + sd * random.nextGaussian();
  }

  public boolean bernoulli(double p) {
    return random.nextDouble() < p;
  }

  /** Knuth's method; fine for the small means used here. */
  public int poisson(double mean) {
    double limit = StrictMath.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  public int choice(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  public static double sigmoid(double z) {
    return 1.0 / (1.0 + StrictMath.exp(-z));
  }

  /** Rounds to {@code decimals} places, so that generated CSV stays short and exact. */
  public static double round(double value, int decimals) {
    double scale = StrictMath.pow(10, decimals);
    return StrictMath.rint(value * scale) / scale;
  }
}
