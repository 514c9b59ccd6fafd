package io.batchserve.transform.split;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * SplitType Line: a record per {@code \n}-terminated line, terminator included; a last line without
 * one gains it. Blank lines are records. Bytes are not decoded, so any encoding (and a {@code \r}
 * before the {@code \n}) passes through unchanged.
 */
final class LineReader implements RecordReader {
  private final InputStream in;
  private final long limit;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int end;
  private long records;

  LineReader(InputStream in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  @Override
  public byte[] next() throws IOException {
    byte[] line = null;
    int length = 0;
    while (true) {
      if (position == end && !fill()) {
        return length == 0 ? null : finish(line, length, true);
      }
      int newline = indexOf((byte) '\n', position, end);
      int stop = newline < 0 ? end : newline + 1;
      int count = stop - position;
      checkSize(length + count);
      if (line == null && newline >= 0) {
        byte[] record = Arrays.copyOfRange(buffer, position, stop);
        position = stop;
        records++;
        return record;
      }
      line = grow(line, length + count + 1);
      System.arraycopy(buffer, position, line, length, count);
      length += count;
      position = stop;
      if (newline >= 0) {
        return finish(line, length, false);
      }
    }
  }

  private byte[] finish(byte[] line, int length, boolean addNewline)
      throws RecordTooLargeException {
    if (addNewline) {
      checkSize(length + 1);
      line[length++] = '\n';
    }
    records++;
    return line.length == length ? line : Arrays.copyOf(line, length);
  }

  private void checkSize(long size) throws RecordTooLargeException {
    if (limit > 0 && size > limit) {
      throw new RecordTooLargeException(records + 1, "more than " + limit + " bytes", limit);
    }
  }

  private static byte[] grow(byte[] line, int needed) {
    if (line == null) {
      return new byte[Math.max(needed, 256)];
    }
    return line.length >= needed ? line : Arrays.copyOf(line, Math.max(needed, line.length * 2));
  }

  private int indexOf(byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n <= 0) {
      return false;
    }
    position = 0;
    end = n;
    return true;
  }
}
