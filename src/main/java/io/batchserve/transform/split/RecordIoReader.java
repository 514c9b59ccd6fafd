package io.batchserve.transform.split;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * SplitType RecordIO (MXNet framing): magic {@code 0xCED7230A} and a length word (little-endian),
 * the data, zero padding to a multiple of 4. Multi-part records (a non-zero continuation flag) are
 * refused.
 */
final class RecordIoReader implements RecordReader {
  static final long MAGIC = 0xCED7230AL;
  private final FrameInput in;
  private final boolean framed;
  private final long limit;

  RecordIoReader(InputStream in, boolean framed, long limit) {
    this.in = new FrameInput(in);
    this.framed = framed;
    this.limit = limit;
  }

  @Override
  public byte[] next() throws IOException {
    byte[] header = in.header(8);
    if (header == null) {
      return null;
    }
    if (FrameInput.uint32(header, 0) != MAGIC) {
      throw new IOException(
          "record " + in.frames() + ": no RecordIO magic number 0xCED7230A (not RecordIO?)");
    }
    long word = FrameInput.uint32(header, 4);
    if (word >>> 29 != 0) {
      throw new IOException(
          "record " + in.frames() + ": multi-part RecordIO records are not supported");
    }
    int length = (int) (word & ((1 << 29) - 1));
    int padded = (length + 3) & ~3;
    int size = framed ? 8 + padded : length;
    if (limit > 0 && size > limit) {
      throw new RecordTooLargeException(in.frames(), size + " bytes", limit);
    }
    byte[] frame = new byte[8 + padded];
    System.arraycopy(header, 0, frame, 0, 8);
    in.readFully(frame, 8, padded);
    return framed ? frame : Arrays.copyOfRange(frame, 8, 8 + length);
  }
}
