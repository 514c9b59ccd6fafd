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
