package io.batchserve.model.train;

import io.batchserve.model.forecast.Days;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic daily unit sales of store-products behind the forecaster. Each item draws its own
 * parameters, then each day's expected sales are the product of:
 *
 * <ul>
 *   <li>a level: log-normal around 30 units a day (median), between 3 and 400; 15 % of items are
 *       intermittent, with a level of 0.3 to 2.5 and, on top, a 20-50 % chance per day of selling
 *       nothing;
 *   <li>a weekly profile ({@link #WEEKLY}: weekend shop, weekday shop or flat) scaled by an
 *       amplitude of 0.1-0.5;
 *   <li>a yearly cosine with amplitude 0-0.3 peaking on a random day of the year;
 *   <li>a trend of exp(g t), g drawn with a standard deviation of 0.2 a year;
 *   <li>a price that changes on about one day in 90 by a factor of 0.85-1.15 (kept within 0.7-1.4
 *       of the start), with demand scaled by price^-e, e in 0.5-2.0 (price is not a request field:
 *       the model sees its effect only through the sales history);
 *   <li>promotions: for 75 % of items a promotion of 3-7 days starts on 1 day in 20 to 1 in 60,
 *       lifting demand by 30-100 %.
 * </ul>
 *
 * Sales are then drawn around that mean with log-normal noise (standard deviation 0.1-0.3) and
 * Poisson counts (a rounded normal from 30 units up). Every number comes from {@link Draws}, so a
 * seed gives the same data on every machine.
 */
public final class ForecastData {
  /** Weekly shapes, Monday first, averaging 0: weekend shop, weekday shop, flat. */
  static final double[][] WEEKLY = {
    {-0.45, -0.40, -0.30, -0.10, 0.30, 0.70, 0.25},
    {0.25, 0.25, 0.25, 0.25, 0.20, -0.50, -0.70},
    {0, 0, 0, 0, 0, 0, 0}
  };

  /**
   * One store-product's daily history from {@code firstDay} (an epoch day). Sales are whole units.
   */
  public record Item(String itemId, long firstDay, float[] sales, boolean[] promo) {
    public int days() {
      return sales.length;
    }
  }

  private ForecastData() {}

  /**
   * {@code count} items named {@code prefix0001, ...}, each {@code days} long; the same for the
   * same arguments.
   */
  public static List<Item> generate(String prefix, int count, long firstDay, int days, long seed) {
    Draws draws = new Draws(seed);
    List<Item> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(item(String.format("%s%04d", prefix, i + 1), firstDay, days, draws));
    }
    return items;
  }

  private static Item item(String id, long firstDay, int days, Draws d) {
    Shape shape = Shape.draw(d);
    float[] sales = new float[days];
    boolean[] promo = new boolean[days];
    double price = 1;
    int promoLeft = 0;
    for (int t = 0; t < days; t++) {
      if (promoLeft == 0 && d.bernoulli(shape.promoStart)) {
        promoLeft = 3 + d.choice(1, 1, 1, 1, 1);
      }
      promo[t] = promoLeft > 0;
      promoLeft = Math.max(0, promoLeft - 1);
      if (d.bernoulli(1 / 90.0)) {
        price = StrictMath.min(1.4, StrictMath.max(0.7, price * d.uniform(0.85, 1.15)));
      }
      double mean = shape.mean(firstDay + t, t, price, promo[t]);
      sales[t] = d.bernoulli(shape.zeroChance) ? 0 : units(mean, shape.noise, d);
    }
    return new Item(id, firstDay, sales, promo);
  }

  /** One item's drawn parameters (see the class comment). */
  private record Shape(
      double level,
      double zeroChance,
      double[] weekly,
      double weeklyAmplitude,
      double yearlyAmplitude,
      double peakDay,
      double trendPerDay,
      double promoStart,
      double lift,
      double elasticity,
      double noise) {
    static Shape draw(Draws d) {
      boolean intermittent = d.bernoulli(0.15);
      double level =
          intermittent
              ? d.uniform(0.3, 2.5)
              : StrictMath.min(
                  400, StrictMath.max(3, StrictMath.exp(d.normal(StrictMath.log(30), 0.8))));
      double zeroChance = intermittent ? d.uniform(0.2, 0.5) : 0;
      double[] weekly = WEEKLY[d.choice(0.5, 0.3, 0.2)];
      double weeklyAmplitude = d.uniform(0.1, 0.5);
      double yearlyAmplitude = d.uniform(0, 0.3);
      double peakDay = d.uniform(1, 366);
      double trendPerDay = d.normal(0, 0.2) / 365.25;
      double promoStart = d.bernoulli(0.25) ? 0 : d.uniform(1 / 60.0, 1 / 20.0);
      double lift = d.uniform(0.3, 1.0);
      double elasticity = d.uniform(0.5, 2.0);
      double noise = d.uniform(0.1, 0.3);
      return new Shape(
          level,
          zeroChance,
          weekly,
          weeklyAmplitude,
          yearlyAmplitude,
          peakDay,
          trendPerDay,
          promoStart,
          lift,
          elasticity,
          noise);
    }

    /** Expected sales on day {@code t} of the series ({@code day} as an epoch day). */
    double mean(long day, int t, double price, boolean promoted) {
      return level
          * (1 + weeklyAmplitude * weekly[Days.dayOfWeek(day)])
          * (1
              + yearlyAmplitude
                  * StrictMath.cos(2 * StrictMath.PI * (Days.dayOfYear(day) - peakDay) / 365.25))
          * StrictMath.exp(trendPerDay * t)
          * StrictMath.pow(price, -elasticity)
          * (promoted ? 1 + lift : 1);
    }
  }

  private static float units(double mean, double noise, Draws d) {
    double noisy = mean * StrictMath.exp(d.normal(0, noise) - noise * noise / 2);
    if (noisy < 30) {
      return d.poisson(noisy);
    }
    return (float) StrictMath.max(0, StrictMath.rint(d.normal(noisy, StrictMath.sqrt(noisy))));
  }
}
