package io.batchserve.transform.split;

import java.io.IOException;
import java.io.InputStream;

/** SplitType None: the whole object is one record (an empty object has none). */
final class WholeReader implements RecordReader {
  private final InputStream in;
  private final long limit;
  private boolean done;

  WholeReader(InputStream in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  @Override
  public byte[] next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    int cap = limit == 0 ? Integer.MAX_VALUE - 8 : (int) Math.min(limit, Integer.MAX_VALUE - 8);
    byte[] bytes = in.readNBytes(cap);
    if (bytes.length == cap && in.read() >= 0) {
      throw new RecordTooLargeException(
          1, "more than " + cap + " bytes (the whole object, SplitType None)", limit);
    }
    return bytes.length == 0 ? null : bytes;
  }
}
