package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.BadInputException;
import io.batchserve.codec.MediaType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The history fast path against the Jackson path it stands in for: on the sample records and on
 * thousands of damaged ones, both paths give the same series or the same error, and the fast path
 * takes the common shapes.
 */
class HistoryScanTest {
  private static final BodyReader FAST = new BodyReader(ForecastRules.defaults(), true, true);
  private static final BodyReader JACKSON = new BodyReader(ForecastRules.defaults(), true, false);

  /** Bytes that break or bend JSON, and values near the edges of what the fast path takes. */
  private static final String[] PIECES = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    " ",
    "\t",
    "\\",
    "\\n",
    "\\u0030",
    "0",
    "1",
    "9",
    ".",
    "-",
    "e",
    "E",
    "+",
    "00",
    "01",
    "-0",
    "1.",
    ".5",
    "0.0",
    "1e2",
    "1.250",
    "1234567890123456",
    "123456789012345",
    "0.000000000000001",
    "3.4028236e38",
    "true",
    "false",
    "null",
    "é",
    "\u0001",
    "\"date\":\"2025-09-04\",",
    "\"sales\":3,",
    "\"promo\":1,",
    "\"price\":0,",
    "\"price\":2.5,",
    "\"extra\":1,",
    "2025-02-29",
    "2024-02-29",
    "0000-01-01"
  };

  @Test
  void read_sampleRecords_fastPathTakesEveryOneWithTheSameSeries() throws IOException {
    List<String> lines = sampleLines();
    for (String line : lines) {
      assertTrue(scans(line), line);
    }
    assertSameOutcome(String.join("\n", lines) + "\n");
  }

  @Test
  void read_damagedRecords_sameSeriesOrSameErrorAsJackson() throws IOException {
    List<String> lines = sampleLines();
    Random random = new Random(20261202);
    int valid = 0;
    int scanned = 0;
    for (int n = 0; n < 6_000; n++) {
      String line = lines.get(random.nextInt(lines.size()));
      String damaged = damage(line, random, 1 + random.nextInt(3));
      if (assertSameOutcome(damaged)) {
        valid++;
        scanned += scans(damaged) ? 1 : 0;
      }
    }
    // Some damage leaves a valid record (a space, a price of 2.5), most of them still in the fast
    // path's subset: both paths must read those alike too.
    assertTrue(
        valid > 60 && scanned > 30, "valid damaged records: " + valid + ", scanned " + scanned);
  }

  /**
   * One row of a valid 30-day history replaced by each variant: the same outcome both ways, and the
   * fast path takes exactly the variants marked as its own.
   */
  @Test
  void read_edgeRows_sameAsJacksonAndScannedOnlyWhenPlain() {
    String[][] variants = {
      {"yes", "{\"date\":\"D\",\"sales\":0,\"promo\":1,\"price\":0.00000000000001}"},
      {
        "yes",
        "{ \"price\" : 2.50 , \"promo\" : true , \"sales\" : 123456789012345 ,"
            + " \"date\" : \"D\" }"
      },
      {"yes", "{\"date\":\"D\",\"sales\":0.5,\"promo\":false,\"price\":3}"},
      {"yes", "{\"date\":\"D\",\"sales\":7,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"price\":0}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"price\":0.0}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"price\":1e-50}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"price\":1E2}"},
      {"no", "{\"date\":\"D\",\"sales\":-0,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":-1,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":1234567890123456,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":07,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7.,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":\"7\",\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"promo\":2,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"promo\":1.0,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"promo\":\"1\",\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"sales\":7,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"price\":1,\"extra\":1}"},
      {"no", "{\"date\":\"D\",\"price\":1}"},
      {"no", "{\"sales\":7,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7}"},
      {"no", "{\"date\":\"2000-01-01\",\"sales\":7,\"price\":1}"},
      {"no", "{\"date\":\"D\\u0020\",\"sales\":7,\"price\":1}"},
      {"no", "{\"d\\u0061te\":\"D\",\"sales\":7,\"price\":1}"},
      {"no", "{\"date\":\"D\",\"sales\":7,\"price\":1,}"},
      {"no", "{}"},
      {"no", "[]"},
      {"no", "null"},
    };
    for (String[] variant : variants) {
      StringBuilder rows = new StringBuilder();
      for (int d = 0; d < 30; d++) {
        String day = Days.format(20_000 + d);
        String row =
            d == 17
                ? variant[1].replace("\"D\"", "\"" + day + "\"")
                : "{\"date\":\"" + day + "\",\"sales\":5,\"promo\":0,\"price\":1.5}";
        rows.append(d == 0 ? "" : ",").append(row);
      }
      String line = record(rows.toString());
      assertSameOutcome(line);
      assertEquals(variant[0].equals("yes"), scans(line), line);
    }
  }

  @Test
  void read_randomDecimals_sameFloatsAsJackson() {
    Random random = new Random(7);
    for (int n = 0; n < 600; n++) {
      StringBuilder rows = new StringBuilder();
      for (int d = 0; d < 30; d++) {
        int whole = 1 + random.nextInt(14);
        String digits = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000_000L);
        String number = digits.substring(0, Math.min(whole, digits.length()));
        String fraction =
            digits.substring(Math.min(whole, digits.length()), Math.min(15, digits.length()));
        String price =
            n % 2 == 0
                ? number + (fraction.isEmpty() ? "" : "." + fraction)
                : nearMidpoint(1 + random.nextFloat() * 99_999);
        rows.append(d == 0 ? "" : ",")
            .append("{\"date\":\"")
            .append(Days.format(20_000 + d))
            .append("\",\"sales\":")
            .append(price)
            .append(",\"price\":")
            .append(price)
            .append("}");
      }
      assertSameOutcome(record(rows.toString()));
    }
  }

  /**
   * The decimal of 15 significant digits nearest the midpoint between {@code f} and the next float:
   * where a double rounded the wrong way would round to the wrong float.
   */
  private static String nearMidpoint(float f) {
    BigDecimal midpoint =
        new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.valueOf(2));
    return midpoint.round(new MathContext(15)).stripTrailingZeros().toPlainString();
  }

  @Test
  void locate_historyMissingOrEscaped_isMinusOne() {
    assertEquals(-1, locate("{\"item_id\":\"a\"}"));
    assertEquals(-1, locate("{\"historical\\u005frows\":[]}"));
    assertEquals(-1, locate("{\"item_id\":[}"));
    assertEquals(-1, locate("[{\"historical_rows\":[]}]"));
  }

  @Test
  void locate_historyAfterNestedValues_findsTheTopLevelArray() {
    String json = "{\"a\":{\"historical_rows\":[1]},\"b\":\"x\\\"]\",\"historical_rows\" : [2] }";
    assertEquals(json.indexOf("[2]"), locate(json));
  }

  /** The second is left to Jackson, which refuses it: both paths give the same error. */
  @Test
  void read_historyTwice_sameErrorAsJackson() {
    String rows = "{\"date\":\"2025-01-01\",\"sales\":1}";
    String line =
        record(rows).replace("\"forecast_days\"", "\"historical_rows\":[],\"forecast_days\"");
    assertTrue(scans(line));
    assertSameOutcome(line);
    assertTrue(outcome(FAST, line.getBytes(StandardCharsets.UTF_8)).contains("appears twice"));
  }

  private static boolean scans(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    int start = HistoryScan.locate(b, 0, b.length);
    return start >= 0 && new HistoryScan().read(b, start, b.length, new HistoryParser()) > 0;
  }

  private static int locate(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return HistoryScan.locate(b, 0, b.length);
  }

  /** Reads {@code body} both ways and asserts the same outcome; returns whether it was valid. */
  private static boolean assertSameOutcome(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String fast = outcome(FAST, b);
    String jackson = outcome(JACKSON, b);
    assertEquals(jackson, fast, body);
    return !jackson.startsWith("error");
  }

  private static String outcome(BodyReader reader, byte[] b) {
    try {
      return reader.read(MediaType.JSON_LINES, b, b.length).series().stream()
          .map(HistoryScanTest::describe)
          .collect(Collectors.joining("\n"));
    } catch (BadInputException e) {
      return "error " + e.getMessage();
    }
  }

  private static String describe(Series s) {
    StringBuilder special = new StringBuilder();
    for (int d = -10; d < 40; d++) {
      special.append(s.special().daysTo(s.lastDay() + d));
    }
    return String.join(
        " ",
        s.itemId(),
        Long.toString(s.lastDay()),
        Arrays.toString(s.sales()),
        Arrays.toString(s.promo()),
        Arrays.toString(s.price()),
        Integer.toString(s.horizon()),
        Arrays.toString(s.futurePromo()),
        Arrays.toString(s.futurePrice()),
        Boolean.toString(s.futureRows()),
        special.toString(),
        s.targets().toString(),
        Arrays.toString(s.quantiles()));
  }

  /** {@code count} random edits, most of them inside the history rows. */
  private static String damage(String line, Random random, int count) {
    StringBuilder s = new StringBuilder(line);
    int from = line.indexOf("\"historical_rows\"");
    int to = line.indexOf(']', from);
    for (int k = 0; k < count; k++) {
      boolean inRows = random.nextInt(10) < 8;
      int at = inRows ? from + random.nextInt(to - from) : random.nextInt(s.length());
      at = Math.min(at, s.length() - 1);
      switch (random.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, PIECES[random.nextInt(PIECES.length)]);
        default -> s.replace(at, at + 1, PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return s.toString();
  }

  private static String record(String rows) {
    return "{\"request_type\":\"iterative_forecast\",\"item_id\":\"x\",\"historical_rows\":["
        + rows
        + "],\"forecast_days\":3,\"target_cols\":[\"daily_sales\"]}";
  }

  private static List<String> sampleLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("test/data/forecast"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file).subList(0, 40));
      }
    }
    assertFalse(lines.isEmpty());
    return lines;
  }
}
