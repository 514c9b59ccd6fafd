package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpecialDaysTest {
  private static final long XMAS = LocalDate.of(2025, 12, 25).toEpochDay();
  private static final SpecialDays CALENDAR = SpecialDays.of(XMAS + 1, XMAS, XMAS + 7);

  @Test
  void daysTo_onAndBeforeASpecialDay_countsDown() {
    assertEquals(0, CALENDAR.daysTo(XMAS));
    assertEquals(1, CALENDAR.daysTo(XMAS - 1));
    assertEquals(7, CALENDAR.daysTo(XMAS - 7));
    assertEquals(SpecialDays.NONE, CALENDAR.daysTo(XMAS - 8));
    assertEquals(SpecialDays.NONE, CALENDAR.daysTo(XMAS + 8));
  }

  @Test
  void daysSince_afterASpecialDay_countsUpFromTheLatest() {
    assertEquals(SpecialDays.NONE, CALENDAR.daysSince(XMAS));
    assertEquals(1, CALENDAR.daysSince(XMAS + 1));
    assertEquals(1, CALENDAR.daysSince(XMAS + 2));
    assertEquals(5, CALENDAR.daysSince(XMAS + 6));
    assertEquals(1, CALENDAR.daysSince(XMAS + 8));
    assertEquals(7, CALENDAR.daysSince(XMAS + 14));
    assertEquals(SpecialDays.NONE, CALENDAR.daysSince(XMAS + 15));
  }

  @Test
  void empty_hasNoSpecialDayNear() {
    assertEquals(SpecialDays.NONE, SpecialDays.EMPTY.daysTo(XMAS));
    assertEquals(SpecialDays.NONE, SpecialDays.EMPTY.daysSince(XMAS));
  }

  @Test
  void of_repeatedDay_isRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpecialDays.of(XMAS, XMAS));
    assertEquals("special day 2025-12-25 repeated", e.getMessage());
  }
}
