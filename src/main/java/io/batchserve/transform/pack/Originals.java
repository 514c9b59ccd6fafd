package io.batchserve.transform.pack;

import java.util.Arrays;

/**
 * The input records of one batch as they came (line terminators included), kept for the join packed
 * in one array with their end offsets: two objects for the collector to trace while the request is
 * out, however many records it holds. Without an InputFilter the array is the request body itself.
 * Never modified once built.
 */
public final class Originals {
  private final byte[] bytes;
  private final int[] ends;

  Originals(byte[] bytes, int[] ends) {
    this.bytes = bytes;
    this.ends = ends;
  }

  public int count() {
    return ends.length;
  }

  /** Record {@code i} (0-based) without its line terminator, in a new array. */
  public byte[] record(int i) {
    int start = i == 0 ? 0 : ends[i - 1];
    int end = ends[i];
    if (end > start && bytes[end - 1] == '\n') {
      end--;
      if (end > start && bytes[end - 1] == '\r') {
        end--;
      }
    }
    return Arrays.copyOfRange(bytes, start, end);
  }
}
