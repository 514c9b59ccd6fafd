package io.batchserve.transform.pack;

import io.batchserve.transform.invoke.Payload;
import io.batchserve.transform.process.Lines;
import io.batchserve.transform.process.RecordProcessor;
import io.batchserve.transform.split.RecordReader;
import io.batchserve.transform.split.RecordTooLargeException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Packs records into requests, in input order. SingleRecord: one record per request. MultiRecord:
 * greedily as many whole records as fit in {@code limit} bytes (0: no limit, and the body is sent
 * with chunked transfer encoding). A record over the limit fails the file; no request is ever
 * empty. Input filters are applied here, so the limit counts the bytes actually sent. Not
 * thread-safe.
 */
public final class Packer implements BatchSource {
  private final RecordReader reader;
  private final RecordProcessor processor;
  private final long limit;
  private final boolean multi;
  private byte[] held;
  private byte[] heldOriginal;
  private long nextRecord = 1;

  public Packer(RecordReader reader, RecordProcessor processor, long limit, boolean multi) {
    this.reader = reader;
    this.processor = processor;
    this.limit = limit;
    this.multi = multi;
  }

  /** The next batch, or null when the input is exhausted. */
  @Override
  public Batch next() throws IOException {
    boolean joins = processor != null && processor.joins();
    boolean separate = joins && processor.filtersInput(); // else the originals are the body
    byte[] body = null;
    byte[] originals = null;
    int[] ends = joins ? new int[64] : null;
    int bytes = 0;
    int originalBytes = 0;
    int records = 0;
    long first = nextRecord;
    while (take()) {
      if (records > 0 && (!multi || (limit > 0 && (long) bytes + held.length > limit))) {
        break;
      }
      body = append(body, bytes, held);
      bytes += held.length;
      if (separate) {
        originals = append(originals, originalBytes, heldOriginal);
        originalBytes += heldOriginal.length;
      }
      if (joins) {
        ends = records == ends.length ? Arrays.copyOf(ends, 2 * records) : ends;
        ends[records] = separate ? originalBytes : bytes;
      }
      records++;
      held = null;
      nextRecord++;
    }
    if (records == 0) {
      return null;
    }
    byte[] exact = body.length == bytes ? body : Arrays.copyOf(body, bytes);
    Originals kept =
        joins
            ? new Originals(
                separate ? Arrays.copyOf(originals, originalBytes) : exact,
                Arrays.copyOf(ends, records))
            : null;
    return new Batch(Payload.of(exact, records, limit == 0), first, records, kept);
  }

  /**
   * Appends {@code record} at {@code length}, growing the buffer by doubling (one copy per
   * doubling).
   */
  private byte[] append(byte[] body, int length, byte[] record) throws RecordTooLargeException {
    long needed = (long) length + record.length;
    if (needed > Integer.MAX_VALUE - 16) {
      throw new RecordTooLargeException(nextRecord, "past 2 GB in one request", limit);
    }
    if (body == null || needed > body.length) {
      long grown =
          Math.max(
              needed,
              body == null ? 64 * 1024 : Math.min((long) body.length * 2, Integer.MAX_VALUE - 16));
      body = body == null ? new byte[(int) grown] : Arrays.copyOf(body, (int) grown);
    }
    System.arraycopy(record, 0, body, length, record.length);
    return body;
  }

  /** Makes sure a record is held; false at the end of the input. */
  private boolean take() throws IOException {
    if (held != null) {
      return true;
    }
    byte[] record = reader.next();
    if (record == null) {
      return false;
    }
    heldOriginal = record;
    held = processor != null && processor.filtersInput() ? filter(record) : record;
    if (limit > 0 && held.length > limit) {
      throw new RecordTooLargeException(nextRecord, held.length + " bytes", limit);
    }
    return true;
  }

  private byte[] filter(byte[] record) {
    byte[] content = Lines.strip(record);
    byte[] filtered;
    try {
      filtered = processor.input(content);
    } catch (IllegalArgumentException e) {
      throw new RecordException(nextRecord, e.getMessage(), e);
    }
    if (content.length == record.length) {
      return filtered;
    }
    byte[] line = Arrays.copyOf(filtered, filtered.length + 1);
    line[filtered.length] = '\n';
    return line;
  }
}
