package io.batchserve.codec;

import java.util.Arrays;

/**
 * Writes model scores, one entry per input record and in input order.
 *
 * <ul>
 *   <li>{@code text/csv}: one line per record, the score (or a model's several outputs,
 *       comma-separated);
 *   <li>{@code application/jsonlines}: one {@code {"score":p}} line per record ({@code
 *       "score":[...]} for several outputs);
 *   <li>{@code application/json}: {@code {"predictions":[{"score":p},...]}}.
 * </ul>
 *
 * Every line, the last included, ends with {@code \n}.
 */
public final class ScoreEncoder {
  private ScoreEncoder() {}

  public static byte[] encode(float[][] scores, MediaType type) {
    Sink out = new Sink(scores.length * 12 + 32);
    if (MediaType.CSV.equals(type)) {
      for (float[] row : scores) {
        csvRow(out, row);
      }
    } else if (MediaType.JSON_LINES.equals(type)) {
      for (float[] row : scores) {
        jsonScore(out, row);
        out.write('\n');
      }
    } else if (MediaType.JSON.equals(type)) {
      out.ascii("{\"predictions\":[");
      for (int i = 0; i < scores.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        jsonScore(out, scores[i]);
      }
      out.ascii("]}\n");
    } else {
      throw new IllegalArgumentException("no score encoding for " + type);
    }
    return out.toByteArray();
  }

  private static void csvRow(Sink out, float[] row) {
    for (int j = 0; j < row.length; j++) {
      if (j > 0) {
        out.write(',');
      }
      out.number(row[j]);
    }
    out.write('\n');
  }

  private static void jsonScore(Sink out, float[] row) {
    out.ascii("{\"score\":");
    if (row.length == 1) {
      out.number(row[0]);
    } else {
      out.write('[');
      for (int j = 0; j < row.length; j++) {
        if (j > 0) {
          out.write(',');
        }
        out.number(row[j]);
      }
      out.write(']');
    }
    out.write('}');
  }

  /** A growable byte buffer for ASCII text: no locks, no per-value byte arrays. */
  static final class Sink {
    private byte[] bytes;
    private int size;

    Sink(int capacity) {
      bytes = new byte[Math.max(capacity, 16)];
    }

    void write(char c) {
      ensure(1);
      bytes[size++] = (byte) c;
    }

    @SuppressWarnings(
        "deprecation") // String.getBytes(int, int, byte[], int) copies Latin-1 text without
    // encoding
    void ascii(String text) {
      ensure(text.length());
      text.getBytes(0, text.length(), bytes, size);
      size += text.length();
    }

    void write(byte[] text) {
      ensure(text.length);
      System.arraycopy(text, 0, bytes, size, text.length);
      size += text.length;
    }

    /**
     * A float in its shortest round-trip form; NaN (never produced by a tree model) is written as
     * null.
     */
    void number(float value) {
      if (!FloatText.append(value, this)) {
        ascii(Float.isNaN(value) || Float.isInfinite(value) ? "null" : Float.toString(value));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
