package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantileTableTest {
  @TempDir Path dir;

  /** Every bucket's scaled errors run from -0.5 at level 0.01 to +0.48 at 0.99, 0.01 a level. */
  static QuantileTable linear() {
    float[][][][] r = new float[2][QuantileTable.WEEKS][QuantileTable.BINS][QuantileTable.LEVELS];
    for (float[][][] known : r) {
      for (float[][] week : known) {
        for (float[] levels : week) {
          for (int i = 0; i < levels.length; i++) {
            levels[i] = -0.5f + 0.01f * i;
          }
        }
      }
    }
    return new QuantileTable(r);
  }

  @Test
  void quantile_atAGridLevel_scalesTheTablesError() {
    // level 0.1 is grid index 9: error -0.41; forecast 50 -> 50 - 0.41 * 50
    assertEquals(29.5f, linear().quantile(true, 0, 50f, 0.1), 1e-4f);
    // below one unit the error is in units: 0.5 + (-0.41) * 1, never below 0
    assertEquals(0.09f, linear().quantile(false, 3, 0.5f, 0.1), 1e-4f);
    assertEquals(0f, linear().quantile(false, 3, 0.2f, 0.01), 0f);
  }

  @Test
  void quantile_betweenGridLevels_interpolates() {
    float at10 = linear().quantile(true, 0, 100f, 0.10);
    float at11 = linear().quantile(true, 0, 100f, 0.11);
    assertEquals((at10 + at11) / 2, linear().quantile(true, 0, 100f, 0.105), 1e-3f);
  }

  @Test
  void quantile_committedTable_neverCrossesForAnyForecastDayOrLevels() throws IOException {
    QuantileTable table = QuantileTable.read(Path.of("model/forecast/quantiles.json"));
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      float forecast = random.nextInt(10) == 0 ? 0 : (float) Math.exp(random.nextGaussian() * 2);
      int day = random.nextInt(366);
      boolean known = random.nextBoolean();
      double previous = -1;
      for (double level = 0.01; level <= 0.99; level += 0.0137) {
        float q = table.quantile(known, day, forecast, level);
        assertTrue(q >= previous && q >= 0, "forecast " + forecast + " day " + day + " " + level);
        previous = q;
      }
    }
  }

  @Test
  void bin_edges_belongToTheUpperBin() {
    assertEquals(0, QuantileTable.bin(0.99f));
    assertEquals(1, QuantileTable.bin(1f));
    assertEquals(4, QuantileTable.bin(99.9f));
    assertEquals(5, QuantileTable.bin(100f));
    assertEquals(5, QuantileTable.bin(1e6f));
  }

  @Test
  void week_pastTheCalibratedHorizon_isTheLastBucket() {
    assertEquals(0, QuantileTable.week(6));
    assertEquals(1, QuantileTable.week(7));
    assertEquals(4, QuantileTable.week(30));
    assertEquals(4, QuantileTable.week(365));
  }

  @Test
  void new_fallingLevels_isRefusedNamingTheCell() {
    float[][][][] r = new float[2][QuantileTable.WEEKS][QuantileTable.BINS][QuantileTable.LEVELS];
    r[1][2][3][40] = -1f;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new QuantileTable(r));
    assertEquals(
        "with_future_rows[2][3][40]: -1.0 (values must be finite and never fall)", e.getMessage());
  }

  @Test
  void read_whatToJsonWrote_givesTheSameQuantiles() throws IOException {
    Path file = dir.resolve("q.json");
    Files.writeString(file, Json.MAPPER.writeValueAsString(linear().toJson()));
    QuantileTable read = QuantileTable.read(file);
    assertEquals(linear().quantile(true, 9, 42f, 0.37), read.quantile(true, 9, 42f, 0.37));
  }

  @Test
  void read_truncatedTable_namesTheFileAndThePart() throws IOException {
    Path file = dir.resolve("q.json");
    Files.writeString(file, "{\"without_future_rows\": [[[0.1]]], \"with_future_rows\": []}");
    IOException e = assertThrows(IOException.class, () -> QuantileTable.read(file));
    assertTrue(e.getMessage().startsWith(file + ": without_future_rows: 5 weeks"), e.getMessage());
  }

  @Test
  void key_level_isItsShortestDecimal() {
    assertEquals("0.1", QuantileTable.key(0.1f));
    assertEquals("0.05", QuantileTable.key(0.05f));
    assertEquals("0.975", QuantileTable.key(0.975f));
  }
}
