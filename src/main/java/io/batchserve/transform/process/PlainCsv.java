package io.batchserve.transform.process;

import java.util.Arrays;

/**
 * The fast path of CSV DataProcessing, for the rows most exports hold: ASCII, no double quote. Such
 * a row's fields are the bytes between commas (RFC 4180 reads nothing else into them), so a filter
 * that picks columns is a copy of byte ranges, with no String or per-field object. A selection is
 * only taken here when Commons CSV would print every chosen field bare (as {@link CsvProcessor}
 * does on the exact path): not an empty first field, none starting with a character up to {@code #}
 * or ending in whitespace or a control character; otherwise, and for any row outside the fast path,
 * the caller takes the exact path. Either way the bytes are the same, which {@code PlainCsvTest}
 * holds on generated rows.
 */
final class PlainCsv {
  /** The bytes a plain-row scan stops at: comma, quote, CR, LF and every byte over 0x7F. */
  private static final boolean[] STOPS = new boolean[256];

  static {
    STOPS[','] = true;
    STOPS['"'] = true;
    STOPS['\r'] = true;
    STOPS['\n'] = true;
    Arrays.fill(STOPS, 0x80, 256, true);
  }

  private PlainCsv() {}

  /**
   * The commas of a plain row, plus one past its end: field {@code i} is {@code [start(i),
   * bounds[i])}; null when the row is not plain (a byte over 0x7F, a quote, CR or LF).
   */
  static int[] bounds(byte[] row) {
    int[] bounds = new int[24];
    int n = 0;
    for (int i = 0; i < row.length; i++) {
      int b = row[i] & 0xFF;
      if (STOPS[b]) { // one table look-up per byte; only commas and the rare others branch
        if (b != ',') {
          return null;
        }
        if (n == bounds.length) {
          bounds = Arrays.copyOf(bounds, n * 2);
        }
        bounds[n++] = i;
      }
    }
    if (n == bounds.length) {
      bounds = Arrays.copyOf(bounds, n + 1);
    }
    bounds[n++] = row.length;
    return Arrays.copyOf(bounds, n);
  }

  /**
   * The chosen columns of the row, joined by commas; null when Commons CSV would quote one of them
   * (the caller then takes the exact path).
   */
  static byte[] select(byte[] row, int[] bounds, int[] columns) {
    int size = Math.max(0, columns.length - 1);
    for (int k = 0; k < columns.length; k++) {
      int c = columns[k];
      int start = c == 0 ? 0 : bounds[c - 1] + 1;
      int end = bounds[c];
      if (!bare(row, start, end, k == 0)) {
        return null;
      }
      size += end - start;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (int k = 0; k < columns.length; k++) {
      if (k > 0) {
        out[at++] = ',';
      }
      int c = columns[k];
      int start = c == 0 ? 0 : bounds[c - 1] + 1;
      int length = bounds[c] - start;
      System.arraycopy(row, start, out, at, length);
      at += length;
    }
    return out;
  }

  /** Whether Commons CSV's minimal quoting prints this (quote- and comma-free) field bare. */
  private static boolean bare(byte[] row, int start, int end, boolean first) {
    if (start == end) {
      return !first; // an empty first field is printed as ""
    }
    return row[start] > '#' && row[end - 1] > ' ';
  }

  /** {@code a + "," + b} when both are plain ASCII without quotes or line breaks; else null. */
  static byte[] join(byte[] a, byte[] b) {
    return plain(a) && plain(b) ? concat(a, b) : null;
  }

  /** {@code a + "," + b}, unchecked. */
  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + 1 + b.length);
    out[a.length] = ',';
    System.arraycopy(b, 0, out, a.length + 1, b.length);
    return out;
  }

  private static boolean plain(byte[] bytes) {
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (STOPS[c] && c != ',') {
        return false;
      }
    }
    return true;
  }
}
