package io.batchserve.model.forecast;

import java.time.LocalDate;

/**
 * Calendar days as epoch days (days since 1970-01-01), parsed from and written as ISO {@code
 * yyyy-MM-dd} without intermediate strings.
 */
public final class Days {
  /** Length of an ISO date. */
  public static final int LENGTH = 10;

  /** The last year a date may name, so that any forecast date still has four digits. */
  public static final int LAST_YEAR = 9000;

  /** Days from 0000-01-01 to 1970-01-01, proleptic Gregorian. */
  private static final long DAYS_0000_TO_1970 = 719_528;

  private Days() {}

  /**
   * The epoch day of an ISO date in {@code text[offset, offset + length)}.
   *
   * @throws IllegalArgumentException when the text is not a valid {@code yyyy-MM-dd} date
   */
  public static long parse(char[] text, int offset, int length) {
    if (length != LENGTH || text[offset + 4] != '-' || text[offset + 7] != '-') {
      throw new IllegalArgumentException("expected a date as yyyy-MM-dd");
    }
    int year = digits(text, offset, 4);
    int month = digits(text, offset + 5, 2);
    int day = digits(text, offset + 8, 2);
    if (year < 1 || year > LAST_YEAR) {
      throw new IllegalArgumentException("years 0001 to " + LAST_YEAR + " only");
    }
    if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      throw new IllegalArgumentException("no such day");
    }
    return epochDay(year, month, day);
  }

  /**
   * Days since 1970-01-01 of a valid proleptic Gregorian date of a year from 1: days to the year,
   * then to the month (as if every February had 30 days, corrected after it), then in the month.
   * Arithmetic instead of {@code LocalDate}, which cost a seventh of decoding a history row; {@code
   * DaysTest} holds it to {@code LocalDate} on every day of years 1 to 9000.
   */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long days = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    days += (367 * month - 362) / 12 + day - 1;
    if (month > 2) {
      days -= isLeap(year) ? 1 : 2;
    }
    return days - DAYS_0000_TO_1970;
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** Writes the ISO date of {@code epochDay} into {@code out[0, 10)} (years 1 to 9999). */
  public static void write(long epochDay, char[] out) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    put(out, 0, date.getYear(), 4);
    out[4] = '-';
    put(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, date.getDayOfMonth(), 2);
  }

  public static String format(long epochDay) {
    char[] out = new char[LENGTH];
    write(epochDay, out);
    return new String(out);
  }

  /** 0 for Monday to 6 for Sunday. */
  public static int dayOfWeek(long epochDay) {
    return Math.floorMod(epochDay + 3, 7);
  }

  /** 1 to 366. */
  public static int dayOfYear(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).getDayOfYear();
  }

  private static int digits(char[] text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("expected a date as yyyy-MM-dd");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static void put(char[] out, int from, int value, int count) {
    for (int i = from + count - 1; i >= from; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
