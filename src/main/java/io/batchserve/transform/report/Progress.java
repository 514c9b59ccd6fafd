package io.batchserve.transform.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows progress while a job runs: on a terminal a bar redrawn in place (files, records, bytes,
 * rate, ETA), else a plain log line every 10 s. {@link #close} prints the last state and stops.
 */
public final class Progress implements AutoCloseable {
  /** How progress is shown. */
  public enum Mode {
    AUTO,
    BAR,
    LOG,
    NONE
  }

  private final JobStats stats;
  private final int files;
  private final long bytes;
  private final PrintStream out;
  private final boolean bar;
  private final ScheduledExecutorService timer;
  private int shownLength; // guarded by this

  public Progress(JobStats stats, int files, long bytes, Mode mode, PrintStream out) {
    this.stats = stats;
    this.files = files;
    this.bytes = bytes;
    this.out = out;
    this.bar = mode == Mode.BAR || (mode == Mode.AUTO && System.console() != null);
    if (mode == Mode.NONE) {
      timer = null;
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "progress");
              thread.setDaemon(true);
              return thread;
            });
    long period = bar ? 500 : 10_000;
    timer.scheduleAtFixedRate(this::show, period, period, TimeUnit.MILLISECONDS);
  }

  /** Prints a log line; on a terminal the bar is cleared first and redrawn below it. */
  public synchronized void println(String text) {
    if (bar && shownLength > 0) {
      out.print("\r" + " ".repeat(shownLength) + "\r");
      out.println(text);
      show();
    } else {
      out.println(text);
    }
  }

  synchronized void show() {
    String line = line();
    if (bar) {
      out.print("\r" + line + "   ");
      shownLength = line.length() + 3;
    } else {
      out.println("progress: " + line);
    }
    out.flush();
  }

  String line() {
    long done = stats.filesCompleted.sum() + stats.filesFailed.sum() + stats.filesSkipped.sum();
    long read = stats.bytesRead.sum();
    double seconds = Math.max(stats.elapsedSeconds(), 1e-3);
    double fraction =
        bytes > 0 ? Math.min(1.0, (double) read / bytes) : (files == 0 ? 1 : (double) done / files);
    int filled = (int) Math.round(fraction * 24);
    String eta = fraction <= 0 ? "?" : Math.round(seconds / fraction - seconds) + "s";
    return String.format(
        Locale.ROOT,
        "[%s%s] %3.0f%% files %d/%d, records %,d, %s of %s, %,.0f records/s, ETA %s",
        "#".repeat(filled),
        ".".repeat(24 - filled),
        fraction * 100,
        done,
        files,
        stats.records.sum(),
        Summary.size(read),
        Summary.size(bytes),
        stats.records.sum() / seconds,
        eta);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
      show();
      if (bar) {
        out.println();
      }
    }
  }
}
