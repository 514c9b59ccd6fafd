package io.batchserve.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what the server logs (slf4j-simple writes to {@code System.err}, looked up on every
 * line) while it is open, and still shows it on the real stream. Tests in this project run one at a
 * time, so one capture at a time.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  public LogCapture() {
    PrintStream tee =
        new PrintStream(
            new OutputStream() {
              @Override
              public synchronized void write(int b) {
                captured.write(b);
                original.write(b);
              }

              @Override
              public synchronized void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                original.write(b, off, len);
              }
            },
            true,
            StandardCharsets.UTF_8);
    System.setErr(tee);
  }

  /** Everything logged since the capture opened. */
  public synchronized String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
