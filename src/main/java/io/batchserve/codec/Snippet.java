package io.batchserve.codec;

import java.util.Locale;

/**
 * The one way client text enters an error message or a log line: control characters escaped (so a
 * request can never start a line of its own, move the cursor, or colour a terminal) and long text
 * shortened with its length noted (so a 1 MB field name makes a short line). Bytes of a request
 * body show printable ASCII as is and every other byte as {@code \xNN}; strings keep printable
 * Unicode and show control, line and paragraph separators and bidirectional overrides as {@code
 * \n}, {@code \r}, {@code \t} or a backslash, u and four hex digits.
 */
public final class Snippet {
  private static final int MAX_BYTES = 40;

  /** The longest piece of client text quoted in a message, in characters. */
  public static final int MAX_TEXT = 120;

  private Snippet() {}

  /** A slice of a request body, at most 40 bytes shown. */
  public static String of(byte[] bytes, int from, int to) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(to, from + MAX_BYTES);
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

  /**
   * Client text (a field name, an item id, a header), escaped and cut to {@value #MAX_TEXT}
   * characters.
   */
  public static String text(String text) {
    return text(text, MAX_TEXT);
  }

  /** Client text escaped and cut to {@code max} characters, noting the original length when cut. */
  public static String text(String text, int max) {
    if (text == null) {
      return "null";
    }
    int end = Math.min(text.length(), max);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder out = null;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (needsEscape(c)) {
        if (out == null) {
          out = new StringBuilder(end + 16).append(text, 0, i);
        }
        escape(c, out);
      } else if (out != null) {
        out.append(c);
      }
    }
    if (out == null && end == text.length()) {
      return text;
    }
    if (out == null) {
      out = new StringBuilder(end + 32).append(text, 0, end);
    }
    if (end < text.length()) {
      out.append("...(")
          .append(String.format(Locale.ROOT, "%,d", text.length()))
          .append(" characters)");
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
  }
}
