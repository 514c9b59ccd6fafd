package io.batchserve.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.model.forecast.SpecialDays;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastDataTest {
  private static final long FIRST = LocalDate.of(2024, 1, 1).toEpochDay();

  @Test
  void easterSunday_knownYears() {
    assertEquals(LocalDate.of(2024, 3, 31), ForecastData.easterSunday(2024));
    assertEquals(LocalDate.of(2025, 4, 20), ForecastData.easterSunday(2025));
    assertEquals(LocalDate.of(2026, 4, 5), ForecastData.easterSunday(2026));
    assertEquals(LocalDate.of(2038, 4, 25), ForecastData.easterSunday(2038));
  }

  @Test
  void specialDays_oneYear_areTheFiveHolidays() {
    long[] days = ForecastData.specialDays(FIRST, 366);
    List<LocalDate> dates =
        Arrays.stream(days)
            .mapToObj(LocalDate::ofEpochDay)
            .filter(d -> d.getYear() == 2024)
            .toList();
    assertEquals(
        List.of(
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 4, 1),
            LocalDate.of(2024, 5, 1),
            LocalDate.of(2024, 12, 25),
            LocalDate.of(2024, 12, 26)),
        dates);
  }

  @Test
  void generate_sameSeed_sameData() {
    var a = ForecastData.generate("X", 3, FIRST, 100, 5);
    var b = ForecastData.generate("X", 3, FIRST, 100, 5);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(a.get(i).sales(), b.get(i).sales());
      assertArrayEquals(a.get(i).price(), b.get(i).price());
    }
  }

  @Test
  void generate_prices_areWholeCentsAndPositive() {
    for (ForecastData.Item item : ForecastData.generate("X", 50, FIRST, 400, 6)) {
      for (float p : item.price()) {
        assertTrue(p > 0, item.itemId() + " price " + p);
        assertEquals(Math.round(p * 100) / 100f, p, item.itemId() + " price " + p);
      }
    }
  }

  @Test
  void generate_specialDays_dipOnTheDayAndLiftTheDayBefore() {
    SpecialDays special = SpecialDays.of(ForecastData.specialDays(FIRST, 731));
    double onDay = 0;
    int onDays = 0;
    double dayBefore = 0;
    int daysBefore = 0;
    double ordinary = 0;
    int ordinaryDays = 0;
    for (ForecastData.Item item : ForecastData.generate("X", 300, FIRST, 731, 8)) {
      for (int t = 0; t < item.days(); t++) {
        long day = FIRST + t;
        if (special.contains(day)) {
          onDay += item.sales()[t];
          onDays++;
        } else if (special.contains(day + 1)) {
          dayBefore += item.sales()[t];
          daysBefore++;
        } else if (special.daysTo(day) == SpecialDays.NONE) {
          ordinary += item.sales()[t];
          ordinaryDays++;
        }
      }
    }
    double perOrdinaryDay = ordinary / ordinaryDays;
    assertEquals(300 * 10, onDays);
    assertTrue(onDay / onDays < 0.8 * perOrdinaryDay, onDay / onDays + " on the day");
    assertTrue(
        dayBefore / daysBefore > 1.15 * perOrdinaryDay, dayBefore / daysBefore + " the day before");
  }
}
