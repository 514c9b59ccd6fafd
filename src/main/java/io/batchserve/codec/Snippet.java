package io.batchserve.codec;

/** Renders a slice of a request body for an error message: printable ASCII as is, other bytes as \xNN, capped. */
public final class Snippet {
  private static final int MAX_CHARS = 40;

  private Snippet() {}

  public static String of(byte[] bytes, int from, int to) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(to, from + MAX_CHARS);
    for (int i = from; i < end; i++) {
      int b = bytes[i] & 0xff;
      if (b >= 0x20 && b < 0x7f) {
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02x", b));
      }
    }
    if (to > end) {
      out.append("...(").append(to - from).append(" bytes)");
    }
    return out.toString();
  }
}
