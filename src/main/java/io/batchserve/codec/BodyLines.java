package io.batchserve.codec;

/**
 * The lines of a JSON Lines (or any line-per-record) body: each line's bytes without its {@code \n}
 * or {@code \r\n}, numbered from 1. A final line end closes the last line instead of opening an
 * empty one; any other empty line is passed on, for the reader to reject with its number.
 */
public final class BodyLines {
  /** Receives one line: {@code body[from, to)} is line {@code number}. */
  @FunctionalInterface
  public interface Visitor {
    void line(int from, int to, int number);
  }

  private BodyLines() {}

  public static void forEach(byte[] body, int length, Visitor visitor) {
    int number = 1;
    for (int start = 0; start < length; number++) {
      int end = start;
      while (end < length && body[end] != '\n') {
        end++;
      }
      int trimmed = end > start && body[end - 1] == '\r' ? end - 1 : end;
      visitor.line(start, trimmed, number);
      start = end + 1;
    }
  }
}
