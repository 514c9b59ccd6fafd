package io.batchserve.transform.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.transform.job.JoinSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The CSV fast path gives exactly the exact path's bytes (or its error) for every filter and join,
 * on generated rows that mix plain fields with empty ones, leading and trailing spaces, characters
 * Commons CSV quotes at a field's start, quotes, embedded commas and line breaks inside quotes, CR,
 * and non-ASCII or invalid UTF-8 bytes.
 */
class PlainCsvTest {
  private static final List<String> FILTERS =
      List.of(
          "$[1:]",
          "$[0,-1]",
          "$[0]",
          "$[-1]",
          "$[1:4]",
          "$[:3]",
          "$[:-1]",
          "$[-2:]",
          "$[2:2]",
          "$[5:1]",
          "$[0,0]",
          "$[3,1]",
          "$[9]",
          "$[-3:-1]",
          "$[0:100]",
          "$[1:3]",
          "$");
  private static final String[] PIECES = {
    "1",
    "23.5",
    "-4",
    "abc",
    "",
    " x",
    "x ",
    "#1",
    "!",
    "a b",
    "\"q\"",
    "\"a,b\"",
    "\"l\nm\"",
    "é",
    "\t",
    "0.1e-3",
    "NaN",
    "\r"
  };

  @Test
  void inputAndOutput_generatedRows_sameBytesAsTheExactPath() {
    Random random = new Random(18);
    int fast = 0;
    for (SliceEnd end : SliceEnd.values()) {
      for (String filter : FILTERS) {
        for (boolean join : new boolean[] {true, false}) {
          CsvProcessor processor =
              (CsvProcessor)
                  RecordProcessor.of(
                      "text/csv", filter, join ? JoinSource.Input : JoinSource.None, filter, end);
          for (int n = 0; n < 300; n++) {
            byte[] row = row(random);
            byte[] response = row(random);
            String where = filter + " " + end + " join " + join + " on " + show(row);
            same(() -> processor.exactInput(row), () -> processor.input(row), "input " + where);
            same(
                () -> processor.exactOutput(row, response),
                () -> processor.output(row, response),
                "output " + where + " / " + show(response));
            if (PlainCsv.bounds(row) != null) {
              fast++;
            }
          }
        }
      }
    }
    assertTrue(fast > 5_000, "enough rows took the fast path: " + fast);
  }

  @Test
  void select_seedJobShape_slicesBytes() {
    byte[] row = "C01,142,0,,3.05".getBytes(StandardCharsets.UTF_8);
    int[] bounds = PlainCsv.bounds(row);
    assertNotNull(bounds);
    assertArrayEquals(
        "142,0,,3.05".getBytes(StandardCharsets.UTF_8),
        PlainCsv.select(row, bounds, new int[] {1, 2, 3, 4}));
    assertArrayEquals(
        "C01,3.05".getBytes(StandardCharsets.UTF_8),
        PlainCsv.select(row, bounds, new int[] {0, 4}));
    assertEquals(null, PlainCsv.select(row, bounds, new int[] {3, 4}), "empty first: quoted");
  }

  @Test
  void input_unfinishedQuote_isTheRecordsError() {
    RecordProcessor processor =
        RecordProcessor.of("text/csv", "$[1:]", JoinSource.None, "$", SliceEnd.INCLUSIVE);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> processor.input("a,\"b,c".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("not a valid CSV row: "), e.getMessage());
  }

  private static void same(Supplier<byte[]> exact, Supplier<byte[]> fast, String where) {
    String expected;
    try {
      expected = show(exact.get());
    } catch (RuntimeException e) {
      expected = "error: " + e;
    }
    String actual;
    try {
      actual = show(fast.get());
    } catch (RuntimeException e) {
      actual = "error: " + e;
    }
    assertEquals(expected, actual, where);
  }

  private static byte[] row(Random random) {
    int fields = 1 + random.nextInt(7);
    StringBuilder row = new StringBuilder();
    boolean plain = random.nextInt(3) > 0;
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(plain ? PIECES[random.nextInt(10)] : PIECES[random.nextInt(PIECES.length)]);
    }
    byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
    if (!plain && random.nextInt(10) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // a broken UTF-8 sequence
    }
    return bytes;
  }

  private static String show(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
    }
    return out.toString();
  }
}
