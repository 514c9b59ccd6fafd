package io.batchserve.codec;

import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@code text/libsvm} body, the sparse format SageMaker's built-in XGBoost accepts next to
 * CSV, into {@link SparseRows}: absent features (and {@code nan} values) are missing, and a wide
 * model's rows stay as small as the body instead of expanding to every feature.
 *
 * <p>Rules: one record per line ({@code \n} or {@code \r\n}, one trailing line end allowed); tokens
 * separated by spaces or tabs; a first token without a colon is the label and is ignored; every
 * other token is {@code index:value}, the index a feature number ({@code indexBase} 0 as
 * SageMaker's XGBoost 1.5-1 to 1.7-1 read it, or 1 for files written 1-based), the value a decimal
 * number or {@code nan}. A line with only a label is a record with every feature missing. Anything
 * else (an empty line, an index out of range or repeated, a malformed token) is a {@link
 * BadInputException} naming the 1-based line and the token.
 */
public final class LibsvmFeatures {
  private LibsvmFeatures() {}

  public static SparseRows parse(byte[] body, int length, List<String> columns, int indexBase) {
    if (indexBase != 0 && indexBase != 1) {
      throw new IllegalArgumentException("libsvm index base must be 0 or 1: " + indexBase);
    }
    if (length == 0) {
      throw new BadInputException("request body is empty: send at least one libsvm line");
    }
    SparseRows.Builder rows = new SparseRows.Builder(columns.size(), length / 8);
    int[] seenInRow = new int[columns.size()];
    Arrays.fill(seenInRow, -1);
    BodyLines.forEach(
        body,
        length,
        (from, to, line) -> {
          rows.startRow();
          parseLine(body, from, to, line, columns, indexBase, rows, seenInRow);
        });
    return rows.build();
  }

  private static void parseLine(
      byte[] body,
      int from,
      int to,
      int line,
      List<String> columns,
      int indexBase,
      SparseRows.Builder rows,
      int[] seenInRow) {
    int pos = skipSpaces(body, from, to);
    if (pos == to) {
      throw BadInputException.at(
          "line " + line,
          "the line is empty (every line must be one record; a record "
              + "without features is its label alone)");
    }
    boolean first = true;
    while (pos < to) {
      int end = tokenEnd(body, pos, to);
      int colon = indexOf(body, (byte) ':', pos, end);
      if (colon < 0 && !first) {
        throw BadInputException.at(
            "line " + line, "'" + Snippet.of(body, pos, end) + "' is not index:value");
      }
      if (colon >= 0) {
        int column = column(body, pos, colon, end, line, columns.size(), indexBase);
        if (seenInRow[column] == line) {
          throw BadInputException.at(
              "line " + line, "feature index " + (column + indexBase) + " appears twice");
        }
        seenInRow[column] = line;
        float value = value(body, colon + 1, end, line, column, columns);
        if (!Float.isNaN(value)) {
          rows.add(column, value);
        }
      }
      first = false;
      pos = skipSpaces(body, end, to);
    }
  }

  private static int column(
      byte[] body, int from, int colon, int end, int line, int width, int indexBase) {
    long index = 0;
    for (int i = from; i < colon; i++) {
      int d = body[i] - '0';
      if (d < 0 || d > 9 || index > Integer.MAX_VALUE) {
        index = -1;
        break;
      }
      index = index * 10 + d;
    }
    if (colon == from || index < 0) {
      throw BadInputException.at(
          "line " + line,
          "'"
              + Snippet.of(body, from, end)
              + "' does not start with a feature index (a whole number)");
    }
    long column = index - indexBase;
    if (column < 0 || column >= width) {
      throw BadInputException.at(
          "line " + line,
          "feature index "
              + index
              + " in '"
              + Snippet.of(body, from, end)
              + "' is outside the model's "
              + width
              + " features (indices "
              + indexBase
              + " to "
              + (width - 1 + indexBase)
              + "; indices are "
              + indexBase
              + "-based, set BATCHSERVE_LIBSVM_INDEX_BASE="
              + (1 - indexBase)
              + " for "
              + (1 - indexBase)
              + "-based files)");
    }
    return (int) column;
  }

  private static float value(
      byte[] body, int from, int to, int line, int column, List<String> columns) {
    String where = "line " + line + ", feature " + columns.get(column);
    double value = Numbers.parse(body, from, to);
    if (Numbers.isInvalid(value)) {
      if (CsvFeatures.isNan(body, from, to)) {
        return Float.NaN;
      }
      throw BadInputException.at(where, "'" + Snippet.of(body, from, to) + "' is not a number");
    }
    float narrowed = (float) value;
    if (Float.isInfinite(narrowed)) {
      throw BadInputException.at(
          where, "'" + Snippet.of(body, from, to) + "' is out of the float range");
    }
    return narrowed;
  }

  private static int skipSpaces(byte[] body, int from, int to) {
    int i = from;
    while (i < to && (body[i] == ' ' || body[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int tokenEnd(byte[] body, int from, int to) {
    int i = from;
    while (i < to && body[i] != ' ' && body[i] != '\t') {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] body, byte target, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] == target) {
        return i;
      }
    }
    return -1;
  }
}
