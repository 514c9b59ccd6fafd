package io.batchserve.transform.split;

import io.batchserve.config.BatchStrategy;
import io.batchserve.transform.job.SplitType;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the records of one input stream, one at a time, as the bytes to send. A Line record keeps
 * (or gains) its terminating {@code \n}; a RecordIO or TFRecord record is the whole frame for
 * MultiRecord and the bare payload for SingleRecord (the service strips framing only when it sends
 * records one by one). Never returns an empty record. Not thread-safe.
 */
public interface RecordReader {
  /**
   * The next record, or null at the end. Throws RecordTooLargeException when one exceeds the limit.
   */
  byte[] next() throws IOException;

  /**
   * A reader for {@code split}. {@code maxRecordBytes} (0: none) bounds what is buffered for one
   * record, so that memory stays bounded whatever the input.
   */
  static RecordReader open(
      SplitType split, BatchStrategy strategy, InputStream in, long maxRecordBytes) {
    boolean framed = strategy == BatchStrategy.MULTI_RECORD;
    return switch (split) {
      case None -> new WholeReader(in, maxRecordBytes);
      case Line -> new LineReader(in, maxRecordBytes);
      case RecordIO -> new RecordIoReader(in, framed, maxRecordBytes);
      case TFRecord -> new TfRecordReader(in, framed, maxRecordBytes);
    };
  }
}
