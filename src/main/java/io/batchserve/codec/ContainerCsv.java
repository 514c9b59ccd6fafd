package io.batchserve.codec;

import java.util.Arrays;

/**
 * The CSV conventions of SageMaker's built-in XGBoost container that its users rely on, as a
 * rewrite of the body into batchserve's CSV ({@link CsvFeatures}): the body is stripped of leading
 * and trailing whitespace (so blank lines at its ends are ignored), and the delimiter is the one
 * Python's {@code csv.Sniffer} prefers on the first line: the first of comma, tab, semicolon, space
 * and colon that the line (its first 512 characters) holds; none of them means one column.
 *
 * <p>The container takes a sniffed delimiter that is none of these (a {@code .} in a one-column
 * body, say) and splits on it; batchserve reads such a body as one column. Line numbers in errors
 * count from the first line that is not blank.
 */
public final class ContainerCsv {
  private static final byte[] PREFERRED = {',', '\t', ';', ' ', ':'};
  private static final int SNIFFED = 512;

  private ContainerCsv() {}

  /** A body and how many of its bytes count. */
  public record Body(byte[] bytes, int length) {}

  public static Body normalize(byte[] body, int length) {
    int from = 0;
    while (from < length && isSpace(body[from])) {
      from++;
    }
    int to = length;
    while (to > from && isSpace(body[to - 1])) {
      to--;
    }
    byte delimiter = delimiter(body, from, to);
    if (delimiter == ',') {
      return from == 0 && to == length
          ? new Body(body, length)
          : new Body(Arrays.copyOfRange(body, from, to), to - from);
    }
    byte[] out = Arrays.copyOfRange(body, from, to);
    for (int i = 0; i < out.length; i++) {
      if (out[i] == delimiter) {
        out[i] = ',';
      }
    }
    return new Body(out, out.length);
  }

  private static byte delimiter(byte[] body, int from, int to) {
    int end = from;
    while (end < to && end - from < SNIFFED && body[end] != '\n') {
      end++;
    }
    for (byte candidate : PREFERRED) {
      for (int i = from; i < end; i++) {
        if (body[i] == candidate) {
          return candidate;
        }
      }
    }
    return ',';
  }

  /** Python's {@code str.strip} whitespace, in ASCII. */
  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
  }
}
