package io.batchserve.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code text/csv} body of numeric feature rows into a {@link FloatMatrix}, straight from
 * the bytes.
 *
 * <p>Rules: one record per line, no header, fields separated by commas, {@code \n} or {@code \r\n}
 * line ends, one trailing line end allowed; a UTF-8 byte-order mark at the start is skipped. A
 * field is a decimal number (spaces around it are ignored); an empty field or {@code NaN} (any
 * case) is a missing value. Anything else (text, quotes, infinities, a wrong number of columns, a
 * blank line) is a {@link BadInputException} naming the 1-based line, the column and the value.
 */
public final class CsvFeatures {
  private static final int MAX_COLUMNS_SHOWN = 6;

  private CsvFeatures() {}

  public static FloatMatrix parse(byte[] body, int length, List<String> columns) {
    int start = hasBom(body, length) ? 3 : 0;
    if (start == length) {
      throw new BadInputException("request body is empty: send at least one CSV line");
    }
    int width = columns.size();
    float[] values = new float[Math.multiplyExact(estimateRows(body, start, length), width)];
    int row = 0;
    for (int lineStart = start; lineStart < length; row++) {
      if ((row + 1) * width > values.length) {
        values = Arrays.copyOf(values, Math.multiplyExact(row + row / 2 + 16, width));
      }
      int next = CsvFastPath.line(body, lineStart, length, width, values, row * width);
      if (next < 0) {
        int lineEnd = indexOf(body, (byte) '\n', lineStart, length);
        int contentEnd = lineEnd > lineStart && body[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        parseLine(body, lineStart, contentEnd, row, columns, values);
        next = lineEnd + 1;
      }
      lineStart = next;
    }
    return new FloatMatrix(values, row, width);
  }

  /**
   * Rows from the length of the first line; a guess that avoids a counting pass (the array grows if
   * short).
   */
  private static int estimateRows(byte[] body, int start, int length) {
    int firstLine = indexOf(body, (byte) '\n', start, length) - start + 1;
    return (int)
        Math.min((long) (length - start) / Math.max(firstLine, 1) + 16, Integer.MAX_VALUE / 1024);
  }

  private static boolean hasBom(byte[] body, int length) {
    return length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF;
  }

  private static int indexOf(byte[] body, byte target, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] == target) {
        return i;
      }
    }
    return to;
  }

  private static void parseLine(
      byte[] body, int from, int to, int row, List<String> columns, float[] out) {
    int line = row + 1;
    if (from == to) {
      throw BadInputException.at(
          "line " + line, "the line is empty (every line must be one record; remove blank lines)");
    }
    int width = columns.size();
    if (countFields(body, from, to) != width) {
      throw wrongWidth(body, from, to, line, columns);
    }
    int base = row * width;
    int fieldStart = from;
    for (int column = 0; column < width; column++) {
      int fieldEnd = indexOf(body, (byte) ',', fieldStart, to);
      out[base + column] = parseField(body, fieldStart, fieldEnd, line, column, columns);
      fieldStart = fieldEnd + 1;
    }
  }

  private static int countFields(byte[] body, int from, int to) {
    int fields = 1;
    for (int i = from; i < to; i++) {
      if (body[i] == ',') {
        fields++;
      }
    }
    return fields;
  }

  private static float parseField(
      byte[] body, int from, int to, int line, int column, List<String> columns) {
    int start = from;
    int end = to;
    while (start < end && (body[start] == ' ' || body[start] == '\t')) {
      start++;
    }
    while (end > start && (body[end - 1] == ' ' || body[end - 1] == '\t')) {
      end--;
    }
    if (start == end) {
      return Float.NaN;
    }
    double value = Numbers.parse(body, start, end);
    if (Numbers.isInvalid(value)) {
      if (isNan(body, start, end)) {
        return Float.NaN;
      }
      throw notANumber(body, start, end, line, column, columns);
    }
    float narrowed = (float) value;
    if (Float.isInfinite(narrowed)) {
      throw BadInputException.at(
          where(line, column, columns),
          "'" + Snippet.of(body, start, end) + "' is out of the float range");
    }
    return narrowed;
  }

  static boolean isNan(byte[] body, int start, int end) {
    return end - start == 3
        && (body[start] | 0x20) == 'n'
        && (body[start + 1] | 0x20) == 'a'
        && (body[start + 2] | 0x20) == 'n';
  }

  private static BadInputException notANumber(
      byte[] body, int start, int end, int line, int column, List<String> columns) {
    String value = Snippet.of(body, start, end);
    String lower = value.toLowerCase(Locale.ROOT);
    String problem;
    if (body[start] == '"' || body[start] == '\'') {
      problem = "quoted value " + value + ": fields must be plain numbers without quotes";
    } else if (lower.matches("[+-]?(inf|infinity)")) {
      problem =
          "'"
              + value
              + "' is infinite: features must be finite numbers (leave the field empty for"
              + " missing)";
    } else {
      problem = "'" + value + "' is not a number";
      if (line == 1 && value.matches("[A-Za-z_][A-Za-z0-9_ .-]*")) {
        problem += " (a header row? every line is scored as a record: remove the header)";
      }
    }
    return BadInputException.at(where(line, column, columns), problem);
  }

  private static BadInputException wrongWidth(
      byte[] body, int from, int to, int line, List<String> columns) {
    int found = countFields(body, from, to);
    String hint = "";
    if (indexOf(body, (byte) '\r', from, to) < to) {
      hint = " (the line holds a bare carriage return: end lines with \\n or \\r\\n)";
    } else if (found == columns.size() + 1) {
      hint = " (an id or label column still in? drop it, e.g. with InputFilter \"$[1:]\")";
    } else if (found == 1 && columns.size() > 1) {
      hint = otherDelimiter(body, from, to);
    }
    return BadInputException.at(
        "line " + line,
        "has "
            + found
            + " columns, expected "
            + columns.size()
            + " ("
            + preview(columns)
            + ")"
            + hint);
  }

  /**
   * A hint when a one-field line is split by another delimiter (SageMaker's XGBoost sniffs ; tab
   * and space).
   */
  private static String otherDelimiter(byte[] body, int from, int to) {
    for (byte delimiter : new byte[] {';', '\t', ' '}) {
      if (indexOf(body, delimiter, from, to) < to) {
        String name = delimiter == ';' ? "';'" : delimiter == '\t' ? "tabs" : "spaces";
        return " (the fields seem separated by "
            + name
            + ": batchserve reads comma-separated values; for sparse "
            + "index:value rows send text/libsvm)";
      }
    }
    return "";
  }

  static String where(int line, int column, List<String> columns) {
    return "line " + line + ", column " + (column + 1) + " (" + columns.get(column) + ")";
  }

  private static String preview(List<String> columns) {
    if (columns.size() <= MAX_COLUMNS_SHOWN) {
      return String.join(", ", columns);
    }
    return String.join(", ", columns.subList(0, MAX_COLUMNS_SHOWN - 1))
        + ", ..., "
        + columns.get(columns.size() - 1);
  }
}
