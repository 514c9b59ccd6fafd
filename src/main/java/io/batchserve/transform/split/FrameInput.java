package io.batchserve.transform.split;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Little-endian reads for the binary framings, telling a clean end of stream from a truncated
 * frame.
 */
final class FrameInput {
  private final InputStream in;
  private long frames;

  FrameInput(InputStream in) {
    this.in = in;
  }

  long frames() {
    return frames;
  }

  /** The next {@code n} header bytes, or null at a clean end of stream. */
  byte[] header(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length == 0) {
      return null;
    }
    if (bytes.length < n) {
      throw truncated("header");
    }
    frames++;
    return bytes;
  }

  void readFully(byte[] target, int offset, int length) throws IOException {
    if (in.readNBytes(target, offset, length) < length) {
      throw truncated("body");
    }
  }

  EOFException truncated(String part) {
    return new EOFException(
        "record "
            + (frames + (part.equals("header") ? 1 : 0))
            + ": the input ends inside a "
            + "frame "
            + part
            + " (truncated or not in this format)");
  }

  static long uint32(byte[] b, int at) {
    return (b[at] & 0xFFL)
        | (b[at + 1] & 0xFFL) << 8
        | (b[at + 2] & 0xFFL) << 16
        | (b[at + 3] & 0xFFL) << 24;
  }

  static long uint64(byte[] b, int at) {
    return uint32(b, at) | uint32(b, at + 4) << 32;
  }
}
