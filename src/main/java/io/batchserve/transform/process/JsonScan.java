package io.batchserve.transform.process;

import java.util.Arrays;

/**
 * A byte-level reader of strict JSON for the JSON join's fastest path. It accepts a subset of what
 * the project's mapper accepts (ASCII text only, nesting to {@value #MAX_DEPTH} levels, numbers up
 * to {@value #MAX_NUMBER} characters, no repeated names, no escaped names) and answers {@link
 * #FAIL} for anything else, valid or not, so the caller falls back to the mapper, which then
 * decides, exactly as before. Of every value it also says whether its bytes are already what the
 * mapper writes for it once read: compact, no escapes, and numbers the mapper prints back as they
 * came (with {@code USE_BIG_DECIMAL_FOR_FLOATS} a {@code 1.50} stays {@code 1.50}, but {@code -0},
 * {@code 1e5} and {@code 0.0000001} do not). Not thread-safe; one instance per record.
 */
final class JsonScan {
  static final int FAIL = -1;
  static final int MAX_DEPTH = 32;
  static final int MAX_NUMBER = 64;

  private final byte[] b;
  private final int limit;
  private boolean verbatim;

  JsonScan(byte[] bytes) {
    this.b = bytes;
    this.limit = bytes.length;
  }

  /**
   * Reads the whole input as one value with only whitespace around it; returns the value's range as
   * {@code [start, end)} in {@code range} and whether it is verbatim, or false when it must go to
   * the mapper.
   */
  boolean whole(int[] range) {
    int start = space(0);
    verbatim = true;
    int end = value(start, 0);
    if (end == FAIL || space(end) != limit) {
      return false;
    }
    range[0] = start;
    range[1] = end;
    return true;
  }

  /**
   * Reads the input as one object and fills {@code members} with its names and values; false when
   * the input is not an object this reader takes (the mapper then decides).
   */
  boolean object(Members members) {
    int p = space(0);
    if (p >= limit || b[p] != '{') {
      return false;
    }
    p = space(p + 1);
    if (p < limit && b[p] == '}') {
      return space(p + 1) == limit;
    }
    while (true) {
      int keyStart = p;
      p = name(p);
      int keyEnd = p - 1;
      if (p == FAIL) {
        return false;
      }
      p = space(p);
      if (p >= limit || b[p] != ':') {
        return false;
      }
      int valueStart = space(p + 1);
      verbatim = true;
      p = value(valueStart, 1);
      if (p == FAIL || !members.add(b, keyStart + 1, keyEnd, valueStart, p, verbatim)) {
        return false;
      }
      p = space(p);
      if (p >= limit) {
        return false;
      }
      if (b[p] == '}') {
        return space(p + 1) == limit;
      }
      if (b[p] != ',') {
        return false;
      }
      p = space(p + 1);
    }
  }

  boolean verbatim() {
    return verbatim;
  }

  private int value(int p, int depth) {
    if (p >= limit) {
      return FAIL;
    }
    return switch (b[p]) {
      case '{' -> nested(p, depth, '}');
      case '[' -> nested(p, depth, ']');
      case '"' -> string(p);
      case 't' -> literal(p, "true");
      case 'f' -> literal(p, "false");
      case 'n' -> literal(p, "null");
      default -> number(p);
    };
  }

  /** An object or an array below the top; repeated names in an object send it to the mapper. */
  private int nested(int p, int depth, char close) {
    if (depth >= MAX_DEPTH) {
      return FAIL;
    }
    boolean isObject = close == '}';
    Members names = isObject ? new Members(8) : null;
    int q = space(p + 1);
    if (q != p + 1) {
      verbatim = false;
    }
    if (q < limit && b[q] == close) {
      return q + 1;
    }
    while (true) {
      if (isObject) {
        int keyStart = q;
        q = name(q);
        if (q == FAIL || !names.add(b, keyStart + 1, q - 1, 0, 0, true)) {
          return FAIL;
        }
        q = expect(q, ':');
        if (q == FAIL) {
          return FAIL;
        }
      }
      q = value(q, depth + 1);
      if (q == FAIL) {
        return FAIL;
      }
      int after = space(q);
      if (after != q) {
        verbatim = false;
      }
      if (after >= limit) {
        return FAIL;
      }
      if (b[after] == close) {
        return after + 1;
      }
      if (b[after] != ',') {
        return FAIL;
      }
      q = space(after + 1);
      if (q != after + 1) {
        verbatim = false;
      }
    }
  }

  /** {@code :} between a name and its value, with any whitespace around it (not verbatim). */
  private int expect(int p, char c) {
    int q = space(p);
    if (q >= limit || b[q] != c) {
      return FAIL;
    }
    int r = space(q + 1);
    if (q != p || r != q + 1) {
      verbatim = false;
    }
    return r;
  }

  /** A member's name: a string without escapes (names are compared as bytes). */
  private int name(int p) {
    if (p >= limit || b[p] != '"') {
      return FAIL;
    }
    for (int q = p + 1; q < limit; q++) {
      int c = b[q];
      if (c == '"') {
        return q + 1;
      }
      if (c < 0x20 || c == '\\') { // a byte of 0x80 and above is negative here
        return FAIL;
      }
    }
    return FAIL;
  }

  private int string(int p) {
    for (int q = p + 1; q < limit; q++) {
      int c = b[q];
      if (c == '"') {
        return q + 1;
      }
      if (c < 0x20) {
        return FAIL;
      }
      if (c == '\\') {
        verbatim = false;
        q = escape(q + 1);
        if (q == FAIL) {
          return FAIL;
        }
      }
    }
    return FAIL;
  }

  /** The escape after a backslash at {@code p}; returns its last byte's index. */
  private int escape(int p) {
    if (p >= limit) {
      return FAIL;
    }
    switch (b[p]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        return p;
      case 'u':
        if (p + 4 >= limit) {
          return FAIL;
        }
        int code = 0;
        for (int i = 1; i <= 4; i++) {
          int digit = Character.digit(b[p + i], 16);
          if (digit < 0) {
            return FAIL;
          }
          code = code * 16 + digit;
        }
        return code >= 0xD800 && code <= 0xDFFF ? FAIL : p + 4;
      default:
        return FAIL;
    }
  }

  private int literal(int p, String word) {
    int n = word.length();
    if (p + n > limit) {
      return FAIL;
    }
    for (int i = 0; i < n; i++) {
      if (b[p + i] != word.charAt(i)) {
        return FAIL;
      }
    }
    return p + n < limit && isWordByte(b[p + n]) ? FAIL : p + n;
  }

  /**
   * {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. Verbatim: an integer other than {@code
   * -0}, or a decimal without exponent whose {@link java.math.BigDecimal#toString} is itself (not
   * all zeros, and a first significant digit within six places of the point).
   */
  private int number(int p) {
    int q = p;
    boolean negative = q < limit && b[q] == '-';
    if (negative) {
      q++;
    }
    int intStart = q;
    q = digits(q);
    if (q == intStart || (b[intStart] == '0' && q - intStart > 1)) {
      return FAIL;
    }
    boolean zeroInt = b[intStart] == '0';
    boolean exact = !(negative && zeroInt);
    if (q < limit && b[q] == '.') {
      int fractionStart = q + 1;
      q = digits(fractionStart);
      if (q == fractionStart) {
        return FAIL;
      }
      exact = !zeroInt || firstNonZero(fractionStart, q) < 6;
    }
    if (q < limit && (b[q] == 'e' || b[q] == 'E')) {
      exact = false;
      q++;
      if (q < limit && (b[q] == '+' || b[q] == '-')) {
        q++;
      }
      int expStart = q;
      q = digits(q);
      if (q == expStart) {
        return FAIL;
      }
    }
    if (q - p > MAX_NUMBER || (q < limit && isWordByte(b[q]))) {
      return FAIL;
    }
    if (!exact) {
      verbatim = false;
    }
    return q;
  }

  /** The offset of the first digit other than 0 in {@code [from, to)}, or 6 when none. */
  private int firstNonZero(int from, int to) {
    for (int q = from; q < to && q - from < 6; q++) {
      if (b[q] != '0') {
        return q - from;
      }
    }
    return 6;
  }

  private int digits(int p) {
    int q = p;
    while (q < limit && b[q] >= '0' && b[q] <= '9') {
      q++;
    }
    return q;
  }

  private int space(int p) {
    int q = p;
    while (q < limit && (b[q] == ' ' || b[q] == '\t' || b[q] == '\n' || b[q] == '\r')) {
      q++;
    }
    return q;
  }

  /** A byte that would continue a literal or a number (the mapper reads {@code truex} as one). */
  private static boolean isWordByte(byte c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '+'
        || c == '-'
        || c == '_'
        || c < 0;
  }

  /** The members of one object as offsets into the scanned bytes, in the order they came. */
  static final class Members {
    private int[] at;
    private int[] hashes;
    private boolean[] verbatim;
    private int count;

    /** Room for {@code expected} members before the arrays grow. */
    Members(int expected) {
      at = new int[4 * expected];
      hashes = new int[expected];
      verbatim = new boolean[expected];
    }

    int count() {
      return count;
    }

    int valueStart(int i) {
      return at[4 * i + 2];
    }

    int valueEnd(int i) {
      return at[4 * i + 3];
    }

    boolean verbatim(int i) {
      return verbatim[i];
    }

    /** True when member {@code i}'s name is the given bytes. */
    boolean named(byte[] bytes, int i, byte[] name) {
      int start = at[4 * i];
      int end = at[4 * i + 1];
      return Arrays.equals(bytes, start, end, name, 0, name.length);
    }

    /**
     * Adds a member; false, adding nothing, when an earlier member has the same name. Names are
     * compared by a hash first, so an object of n members costs n hashes, not n * n comparisons.
     */
    boolean add(
        byte[] bytes,
        int nameStart,
        int nameEnd,
        int valueStart,
        int valueEnd,
        boolean isVerbatim) {
      int hash = 1;
      for (int p = nameStart; p < nameEnd; p++) {
        hash = 31 * hash + bytes[p];
      }
      for (int i = 0; i < count; i++) {
        if (hashes[i] == hash
            && Arrays.equals(bytes, at[4 * i], at[4 * i + 1], bytes, nameStart, nameEnd)) {
          return false;
        }
      }
      if (count == verbatim.length) {
        at = Arrays.copyOf(at, at.length * 2);
        hashes = Arrays.copyOf(hashes, hashes.length * 2);
        verbatim = Arrays.copyOf(verbatim, verbatim.length * 2);
      }
      at[4 * count] = nameStart;
      at[4 * count + 1] = nameEnd;
      at[4 * count + 2] = valueStart;
      at[4 * count + 3] = valueEnd;
      hashes[count] = hash;
      verbatim[count++] = isVerbatim;
      return true;
    }
  }
}
