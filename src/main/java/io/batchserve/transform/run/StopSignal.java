package io.batchserve.transform.run;

/**
 * A request to stop a running job, from SIGINT (Ctrl-C) or SIGTERM. {@link #request} records the
 * signal and interrupts the job's thread, which then stops sending, cancels what is in flight,
 * stops the child servers, discards unfinished outputs and writes job.json with status Stopped.
 * Safe from any thread; the first request wins.
 */
public final class StopSignal {
  /** A job that nothing stops (tests, and jobs run in-process). */
  public static final StopSignal NEVER = new StopSignal(null);

  private final Thread jobThread;
  private volatile String signal;
  private volatile int exitCode;

  private StopSignal(Thread jobThread) {
    this.jobThread = jobThread;
  }

  /** A stop signal for the job running on {@code jobThread}. */
  public static StopSignal forThread(Thread jobThread) {
    return new StopSignal(jobThread);
  }

  /**
   * Asks the job to stop, for {@code signal} (e.g. "SIGINT"), ending the process with {@code
   * exitCode}.
   */
  public synchronized void request(String signal, int exitCode) {
    if (this.signal != null || jobThread == null) {
      return;
    }
    this.exitCode = exitCode;
    this.signal = signal;
    jobThread.interrupt();
  }

  public boolean requested() {
    return signal != null;
  }

  /** The signal's name, or null when no stop was requested. */
  public String signal() {
    return signal;
  }

  /** 130 for SIGINT, 143 for SIGTERM, as a shell reports them. */
  public int exitCode() {
    return exitCode;
  }
}
