package io.batchserve.transform.instance;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's log, for a message that says why it did not start. */
final class LogTail {
  private static final int MAX_BYTES = 8192;

  private LogTail() {}

  /**
   * Up to {@code lines} last lines of {@code log}, each indented; empty when the log is empty or
   * unreadable.
   */
  static String of(Path log, int lines) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long from = Math.max(0, file.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      List<String> all =
          new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
      List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
      return last.isEmpty() ? "" : "    " + String.join("\n    ", last);
    } catch (IOException e) {
      return "";
    }
  }
}
