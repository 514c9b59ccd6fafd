package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DaysTest {
  @Test
  void parseAndFormat_everyDayOfFiveYears_roundTrip() {
    for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
      char[] text = d.toString().toCharArray();
      long day = Days.parse(text, 0, text.length);
      assertEquals(d.toEpochDay(), day);
      assertEquals(d.toString(), Days.format(day));
      assertEquals(d.getDayOfWeek().getValue() - 1, Days.dayOfWeek(day));
      assertEquals(d.getDayOfYear(), Days.dayOfYear(day));
    }
  }

  /** Every day from 0001-01-01 to 9000-12-31, and every impossible day 29-31 of those years. */
  @Test
  void parse_everyDayOfEveryYear_sameAsLocalDate() {
    char[] text = new char[Days.LENGTH];
    for (int year = 1; year <= Days.LAST_YEAR; year++) {
      for (int month = 1; month <= 12; month++) {
        int length = LocalDate.of(year, month, 1).lengthOfMonth();
        for (int day = 1; day <= 31; day++) {
          int n = year * 10_000 + month * 100 + day;
          for (int i = Days.LENGTH - 1; i >= 0; i--) {
            if (i == 4 || i == 7) {
              text[i] = '-';
            } else {
              text[i] = (char) ('0' + n % 10);
              n /= 10;
            }
          }
          if (day <= length) {
            long expected = LocalDate.of(year, month, day).toEpochDay();
            if (Days.parse(text, 0, Days.LENGTH) != expected) {
              assertEquals(expected, Days.parse(text, 0, Days.LENGTH), new String(text));
            }
          } else {
            assertThrows(IllegalArgumentException.class, () -> Days.parse(text, 0, 10));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-1-01",
        "2026/01/01",
        "01-01-2026",
        "2026-01-01T00:00",
        "",
        "tomorrow!!",
        "0000-01-01",
        "9001-01-01"
      })
  void parse_notAnIsoDay_throws(String text) {
    assertThrows(
        IllegalArgumentException.class, () -> Days.parse(text.toCharArray(), 0, text.length()));
  }
}
