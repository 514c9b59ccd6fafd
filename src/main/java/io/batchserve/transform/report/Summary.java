package io.batchserve.transform.report;

import java.util.Locale;

/** The end-of-job summary lines. */
public final class Summary {
  private Summary() {}

  public static String text(String status, JobStats stats) {
    String files =
        String.format(
            Locale.ROOT,
            "transform job %s: files %d completed, %d failed, %d skipped%s",
            status,
            stats.filesCompleted.sum(),
            stats.filesFailed.sum(),
            stats.filesSkipped.sum(),
            stats.filesStopped.sum() == 0 ? "" : ", " + stats.filesStopped.sum() + " stopped");
    if (stats.requests.sum() == 0) {
      return files + String.format(Locale.ROOT, "%n  no request was sent");
    }
    double seconds = Math.max(stats.elapsedSeconds(), 1e-3);
    return files
        + String.format(
            Locale.ROOT,
            String.join(
                "%n",
                "",
                "  records %,d in %,d requests (%,d retries); read %s, wrote %s",
                "  %.1f s transforming (servers ready to last output), %,.0f records/s, %s/s",
                "  request latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms"),
            stats.records.sum(),
            stats.requests.sum(),
            stats.retries.sum(),
            size(stats.bytesRead.sum()),
            size(stats.bytesWritten.sum()),
            seconds,
            stats.records.sum() / seconds,
            size((long) (stats.bytesRead.sum() / seconds)),
            stats.latencyMillis(50),
            stats.latencyMillis(90),
            stats.latencyMillis(99));
  }

  /** Bytes in B, KiB, MiB or GiB. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
