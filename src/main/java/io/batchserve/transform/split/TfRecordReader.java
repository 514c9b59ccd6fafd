package io.batchserve.transform.split;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * SplitType TFRecord: a 64-bit little-endian length, its masked CRC32C, the data, the data's masked
 * CRC32C. Both checksums are verified, so a file in another format fails with a clear message
 * instead of garbage requests.
 */
final class TfRecordReader implements RecordReader {
  private final FrameInput in;
  private final boolean framed;
  private final long limit;

  TfRecordReader(InputStream in, boolean framed, long limit) {
    this.in = new FrameInput(in);
    this.framed = framed;
    this.limit = limit;
  }

  @Override
  public byte[] next() throws IOException {
    byte[] header = in.header(12);
    if (header == null) {
      return null;
    }
    if (FrameInput.uint32(header, 8) != maskedCrc(header, 0, 8)) {
      throw new IOException(
          "record " + in.frames() + ": bad TFRecord length checksum (not TFRecord?)");
    }
    long length = FrameInput.uint64(header, 0);
    long size = framed ? length + 16 : length;
    if (length > Integer.MAX_VALUE - 32 || (limit > 0 && size > limit)) {
      throw new RecordTooLargeException(in.frames(), size + " bytes", limit);
    }
    byte[] frame = new byte[(int) length + 16];
    System.arraycopy(header, 0, frame, 0, 12);
    in.readFully(frame, 12, (int) length + 4);
    if (FrameInput.uint32(frame, 12 + (int) length) != maskedCrc(frame, 12, (int) length)) {
      throw new IOException("record " + in.frames() + ": bad TFRecord data checksum");
    }
    return framed ? frame : Arrays.copyOfRange(frame, 12, 12 + (int) length);
  }

  /** TFRecord's masked CRC32C of {@code bytes[offset, offset + length)}. */
  static long maskedCrc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    long value = crc.getValue();
    return ((value >>> 15 | value << 17) + 0xa282ead8L) & 0xFFFFFFFFL;
  }
}
