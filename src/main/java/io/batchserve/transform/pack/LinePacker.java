package io.batchserve.transform.pack;

import io.batchserve.transform.invoke.Payload;
import io.batchserve.transform.split.RecordTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The fast path of {@link Packer} for SplitType Line, MultiRecord, a payload limit and no
 * DataProcessing: the same requests (as many whole lines as fit in {@code limit} bytes, a last line
 * without {@code \n} gaining one), cut from the stream in bulk instead of line by line. Not
 * thread-safe.
 */
public final class LinePacker implements BatchSource {
  private final InputStream in;
  private final int limit;
  private byte[] carry = new byte[0];
  private boolean eof;
  private long nextRecord = 1;

  public LinePacker(InputStream in, long limit) {
    if (limit <= 0 || limit > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
    this.in = in;
    this.limit = (int) limit;
  }

  @Override
  public Batch next() throws IOException {
    byte[] buffer = Arrays.copyOf(carry, Math.min(limit, Math.max(carry.length * 2, 1 << 16)));
    int length = carry.length;
    while (length < limit && !eof) {
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, (long) buffer.length * 2));
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        eof = true;
      } else {
        length += n;
      }
    }
    if (length == 0) {
      return null;
    }
    int cut = cut(buffer, length);
    carry = Arrays.copyOfRange(buffer, cut, length);
    byte[] body = Arrays.copyOf(buffer, buffer[cut - 1] == '\n' ? cut : cut + 1);
    body[body.length - 1] = '\n';
    int records = 0;
    for (byte b : body) {
      if (b == '\n') {
        records++;
      }
    }
    Batch batch = new Batch(Payload.of(body, records, false), nextRecord, records, null);
    nextRecord += records;
    return batch;
  }

  /**
   * Where this request ends: after the last whole line that fits, the unterminated last line
   * included.
   */
  private int cut(byte[] buffer, int length) throws RecordTooLargeException {
    boolean lastLine = eof && buffer[length - 1] != '\n';
    if (lastLine && length < limit) {
      return length;
    }
    for (int i = length - 1; i >= 0; i--) {
      if (buffer[i] == '\n') {
        return i + 1;
      }
    }
    throw new RecordTooLargeException(nextRecord, "more than " + limit + " bytes", limit);
  }
}
