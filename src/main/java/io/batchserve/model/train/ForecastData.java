package io.batchserve.model.train;

import io.batchserve.model.forecast.Days;
import io.batchserve.model.forecast.SpecialDays;
import java.time.LocalDate;
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
 *   <li>a price: a list price of 0.50-20.00 that changes on about one day in 90 by a factor of
 *       0.85-1.15 (kept within 0.7-1.4 of the list price, rounded to cents), with demand scaled by
 *       (price / list price)^-e, e in 0.5-2.0;
 *   <li>promotions: for 75 % of items a promotion of 3-7 days starts on 1 day in 20 to 1 in 60,
 *       lifting demand by 30-100 %;
 *   <li>special days ({@link #specialDays}: New Year's Day, Easter Monday, 1 May, Christmas Day and
 *       Boxing Day): the store sells 60 % x s less on the day and shops ahead, 50 % x s more the
 *       day before and 25 % x s more two days before, s (the item's sensitivity) in 0.2-1.0.
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
  public record Item(String itemId, long firstDay, float[] sales, boolean[] promo, float[] price) {
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

  /**
   * The special days of every generated item between {@code firstDay} and {@code days} later
   * (inclusive of the days just past either end that the effects reach): New Year's Day, Easter
   * Monday, 1 May, 25 and 26 December of each year.
   */
  public static long[] specialDays(long firstDay, int days) {
    int from = LocalDate.ofEpochDay(firstDay).getYear();
    int to = LocalDate.ofEpochDay(firstDay + days + 2).getYear();
    List<Long> list = new ArrayList<>();
    for (int year = from; year <= to; year++) {
      list.add(LocalDate.of(year, 1, 1).toEpochDay());
      list.add(easterSunday(year).plusDays(1).toEpochDay());
      list.add(LocalDate.of(year, 5, 1).toEpochDay());
      list.add(LocalDate.of(year, 12, 25).toEpochDay());
      list.add(LocalDate.of(year, 12, 26).toEpochDay());
    }
    return list.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /**
   * Easter Sunday of a Gregorian year, by the anonymous algorithm published in Nature in 1876 (the
   * form in Meeus, Astronomical Algorithms, chapter 8).
   */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static Item item(String id, long firstDay, int days, Draws d) {
    Shape shape = Shape.draw(d);
    SpecialDays special = SpecialDays.of(specialDays(firstDay, days));
    float[] sales = new float[days];
    boolean[] promo = new boolean[days];
    float[] prices = new float[days];
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
      prices[t] = cents(shape.listPrice * price);
      double mean =
          shape.mean(firstDay + t, t, prices[t] / shape.listPrice, promo[t])
              * shape.specialDayFactor(special, firstDay + t);
      sales[t] = d.bernoulli(shape.zeroChance) ? 0 : units(mean, shape.noise, d);
    }
    return new Item(id, firstDay, sales, promo, prices);
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
      double noise,
      double listPrice,
      double specialSensitivity) {
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
      double listPrice = cents(d.uniform(0.5, 20));
      double specialSensitivity = d.uniform(0.2, 1.0);
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
          noise,
          listPrice,
          specialSensitivity);
    }

    /** The special days' effect on {@code day}: a dip on the day, shopping ahead before it. */
    double specialDayFactor(SpecialDays special, long day) {
      if (special.contains(day)) {
        return 1 - 0.6 * specialSensitivity;
      }
      if (special.contains(day + 1)) {
        return 1 + 0.5 * specialSensitivity;
      }
      return special.contains(day + 2) ? 1 + 0.25 * specialSensitivity : 1;
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

  private static float cents(double value) {
    return (float) (StrictMath.rint(value * 100) / 100);
  }

  private static float units(double mean, double noise, Draws d) {
    double noisy = mean * StrictMath.exp(d.normal(0, noise) - noise * noise / 2);
    if (noisy < 30) {
      return d.poisson(noisy);
    }
    return (float) StrictMath.max(0, StrictMath.rint(d.normal(noisy, StrictMath.sqrt(noisy))));
  }
}
