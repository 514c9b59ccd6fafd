package io.batchserve.transform.assemble;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One response's assembled output, built on an assembler thread and written later, in input order,
 * by the file's thread. Unsynchronised: one thread fills it, then hands it over through a future
 * (which publishes its contents). Held in blocks of 64 KiB, so that growing never copies and no
 * block is large enough for the collector to treat as a humongous object.
 */
public final class Chunk extends OutputStream {
  private static final int BLOCK = 64 * 1024;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] block = new byte[BLOCK];
  private int used;
  private long length;

  Chunk() {}

  @Override
  public void write(int b) {
    if (used == BLOCK) {
      next();
    }
    block[used++] = (byte) b;
    length++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    int at = off;
    int left = len;
    while (left > 0) {
      if (used == BLOCK) {
        next();
      }
      int n = Math.min(left, BLOCK - used);
      System.arraycopy(b, at, block, used, n);
      used += n;
      at += n;
      left -= n;
    }
    length += len;
  }

  public long length() {
    return length;
  }

  /** Writes the assembled bytes to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    for (byte[] b : full) {
      out.write(b);
    }
    out.write(block, 0, used);
  }

  private void next() {
    full.add(block);
    block = new byte[BLOCK];
    used = 0;
  }
}
