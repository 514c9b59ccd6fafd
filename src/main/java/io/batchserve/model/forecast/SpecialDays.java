package io.batchserve.model.forecast;

import java.util.Arrays;

/**
 * A series' calendar of special days (holidays, store closures, events), as epoch days, sorted and
 * distinct. The forecaster reads two features from it for each target day t: the days until the
 * next special day (0 when t is one) and the days since the last one before t, each capped at
 * {@value #NONE}, which means "none within {@value #REACH} days".
 *
 * <p>Immutable and thread-safe.
 */
public final class SpecialDays {
  /** How far the features look, in days, either way. */
  public static final int REACH = 7;

  /** The value of a feature when no special day is within {@value #REACH} days. */
  public static final int NONE = REACH + 1;

  /** No special days: what a record without {@code special_days} sends. */
  public static final SpecialDays EMPTY = new SpecialDays(new long[0]);

  private final long[] days;

  private SpecialDays(long[] days) {
    this.days = days;
  }

  /** The calendar of these days, in any order; repeats must have been refused by the caller. */
  public static SpecialDays of(long... days) {
    if (days.length == 0) {
      return EMPTY;
    }
    long[] sorted = days.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("special day " + Days.format(sorted[i]) + " repeated");
      }
    }
    return new SpecialDays(sorted);
  }

  public int size() {
    return days.length;
  }

  public boolean contains(long day) {
    return Arrays.binarySearch(days, day) >= 0;
  }

  /** Days from {@code day} to the first special day on or after it, at most {@value #NONE}. */
  public int daysTo(long day) {
    int at = Arrays.binarySearch(days, day);
    if (at >= 0) {
      return 0;
    }
    int next = -at - 1;
    return next == days.length ? NONE : (int) Math.min(NONE, days[next] - day);
  }

  /** Days from the last special day before {@code day} to it, at most {@value #NONE}. */
  public int daysSince(long day) {
    int at = Arrays.binarySearch(days, day);
    int previous = (at >= 0 ? at : -at - 1) - 1;
    return previous < 0 ? NONE : (int) Math.min(NONE, day - days[previous]);
  }
}
