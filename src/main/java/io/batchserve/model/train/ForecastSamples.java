package io.batchserve.model.train;

import com.fasterxml.jackson.core.JsonGenerator;
import io.batchserve.codec.Json;
import io.batchserve.model.forecast.Days;
import io.batchserve.model.forecast.ForecastModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample input for a forecast transform job: JSON Lines, one request record per store-product with
 * {@value #HISTORY_DAYS} days of history (sales, promotion flags and prices) ending {@link
 * #LAST_HISTORY_DAY}, the special days from the history's start to the horizon's end, and {@code
 * forecast_days} {@value #HORIZON}. Every {@value #PROMOTIONS_EVERY}th item also sends its
 * promotion days and price changes in the forecast window as {@code future_rows}, and every {@value
 * #QUANTILES_EVERY}rd asks for the 0.1, 0.5 and 0.9 quantiles.
 */
public final class ForecastSamples {
  public static final int HISTORY_DAYS = 120;
  public static final int HORIZON = 31;
  public static final LocalDate LAST_HISTORY_DAY = LocalDate.of(2025, 12, 31);
  static final int PROMOTIONS_EVERY = 10;
  static final int QUANTILES_EVERY = 3;

  private ForecastSamples() {}

  /**
   * Writes {@code files} files {@code items-001.jsonl, ...} of {@code items} records each; returns
   * their paths.
   */
  public static List<Path> write(Path directory, int files, int items, long seed)
      throws IOException {
    Files.createDirectories(directory);
    long firstDay = LAST_HISTORY_DAY.toEpochDay() - HISTORY_DAYS + 1;
    List<ForecastData.Item> all =
        ForecastData.generate("A", files * items, firstDay, HISTORY_DAYS + HORIZON, seed);
    List<Path> written = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      Path file = directory.resolve(String.format("items-%03d.jsonl", f + 1));
      try (OutputStream out = Files.newOutputStream(file);
          JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
        g.setRootValueSeparator(null);
        for (int i = f * items; i < (f + 1) * items; i++) {
          record(
              g,
              all.get(i),
              i % PROMOTIONS_EVERY == PROMOTIONS_EVERY - 1,
              i % QUANTILES_EVERY == QUANTILES_EVERY - 1);
          g.writeRaw('\n');
        }
      }
      written.add(file);
    }
    return written;
  }

  private static void record(
      JsonGenerator g, ForecastData.Item item, boolean withPromotions, boolean withQuantiles)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("request_type", ForecastModel.REQUEST_TYPE);
    g.writeStringField("item_id", item.itemId());
    g.writeArrayFieldStart("historical_rows");
    for (int t = 0; t < HISTORY_DAYS; t++) {
      row(g, item, t);
    }
    g.writeEndArray();
    g.writeNumberField("forecast_days", HORIZON);
    g.writeArrayFieldStart("target_cols");
    g.writeString("daily_sales");
    g.writeEndArray();
    g.writeArrayFieldStart("special_days");
    for (long day : ForecastData.specialDays(item.firstDay(), item.days())) {
      if (day >= item.firstDay() && day < item.firstDay() + item.days()) {
        g.writeString(Days.format(day));
      }
    }
    g.writeEndArray();
    if (withQuantiles) {
      g.writeArrayFieldStart("quantiles");
      g.writeNumber(0.1);
      g.writeNumber(0.5);
      g.writeNumber(0.9);
      g.writeEndArray();
    }
    if (withPromotions) {
      g.writeArrayFieldStart("future_rows");
      for (int t = HISTORY_DAYS; t < HISTORY_DAYS + HORIZON; t++) {
        boolean priceChange = item.price()[t] != item.price()[t - 1];
        if (item.promo()[t] || priceChange) {
          future(g, item, t, priceChange);
        }
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Forecast day {@code t} as {@code {date, promo}}, with its price when it changed that day. */
  private static void future(JsonGenerator g, ForecastData.Item item, int t, boolean withPrice)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("date", Days.format(item.firstDay() + t));
    g.writeNumberField("promo", item.promo()[t] ? 1 : 0);
    if (withPrice) {
      g.writeNumberField("price", item.price()[t]);
    }
    g.writeEndObject();
  }

  /** History day {@code t} of the item as {@code {date, sales, promo, price}}. */
  private static void row(JsonGenerator g, ForecastData.Item item, int t) throws IOException {
    g.writeStartObject();
    g.writeStringField("date", Days.format(item.firstDay() + t));
    g.writeNumberField("sales", (long) item.sales()[t]);
    g.writeNumberField("promo", item.promo()[t] ? 1 : 0);
    g.writeNumberField("price", item.price()[t]);
    g.writeEndObject();
  }
}
