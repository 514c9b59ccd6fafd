package io.batchserve.transform.process;

import io.batchserve.codec.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Byte-level line helpers: record terminators and the records of a response. */
public final class Lines {
  private Lines() {}

  /** The record without its {@code \n} (and a {@code \r} before it). */
  public static byte[] strip(byte[] record) {
    int end = record.length;
    if (end > 0 && record[end - 1] == '\n') {
      end--;
      if (end > 0 && record[end - 1] == '\r') {
        end--;
      }
    }
    return end == record.length ? record : Arrays.copyOf(record, end);
  }

  /**
   * True for response types that hold one record per line (CSV and JSON Lines); others are one
   * record each.
   */
  public static boolean lineBased(MediaType type) {
    return MediaType.CSV.equals(type) || MediaType.JSON_LINES.equals(type);
  }

  /** The number of lines in {@code body}: its {@code \n}s, plus one for a last line without one. */
  public static int count(byte[] body) {
    int lines = 0;
    for (byte b : body) {
      if (b == '\n') {
        lines++;
      }
    }
    return body.length > 0 && body[body.length - 1] != '\n' ? lines + 1 : lines;
  }

  /** The lines of {@code body}, terminators removed. */
  public static List<byte[]> split(byte[] body) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '\n') {
        int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
        lines.add(Arrays.copyOfRange(body, start, end));
        start = i + 1;
      }
    }
    if (start < body.length) {
      lines.add(Arrays.copyOfRange(body, start, body.length));
    }
    return lines;
  }
}
