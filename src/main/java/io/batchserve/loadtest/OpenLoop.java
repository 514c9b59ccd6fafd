package io.batchserve.loadtest;

import io.batchserve.time.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open loop: requests are due at a fixed rate whatever the server does, request i at {@code
 * start + i / rate}. Latency is measured from when a request was <em>due</em>, not from when it was
 * sent, so a server that falls behind shows its queueing delay instead of hiding it (no coordinated
 * omission). At most {@code concurrency} requests are in flight; due requests beyond that wait, and
 * their wait counts.
 *
 * <p>The generator keeps its own schedule or says it did not: a request that leaves the schedule
 * more than {@value #LATE_MS} ms after it was due (the sending thread itself fell behind, for
 * instance when the client is short of CPU) counts as late, and the run's {@link
 * RunResult.Client#lateShare} says how many were.
 */
final class OpenLoop {
  /** A request dispatched more than this after it was due counts as late. */
  static final long LATE_MS = 5;

  private static final long LATE_NANOS = LATE_MS * 1_000_000;

  private OpenLoop() {}

  /**
   * Sends {@code min(maxRequests, rate x duration)} requests, then waits up to {@code drain} for
   * the answers; requests still queued then are counted as not sent.
   */
  static RunResult run(
      Sender sender, RunSetting setting, Limits limits, Duration drain, Ticker clock, CpuMeter cpu)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(setting.concurrency(), daemon());
    try {
      return run(
          sender,
          setting,
          limits,
          clock,
          task -> pool.execute(cpu.counted(task)),
          () -> awaitOrCut(pool, drain, sender));
    } finally {
      pool.shutdownNow();
    }
  }

  /** The loop on a given executor; {@code drained} returns how many tasks never started. */
  static RunResult run(
      Sender sender,
      RunSetting setting,
      Limits limits,
      Ticker clock,
      Executor executor,
      Drain drained)
      throws InterruptedException {
    long total =
        Math.min(
            limits.maxRequests(),
            (long) Math.floor(setting.rate() * limits.duration().toNanos() / 1e9));
    double periodNanos = 1e9 / setting.rate();
    Recorder recorder = new Recorder();
    long start = clock.read();
    AtomicLong lastAnswer = new AtomicLong(start);
    long late = 0;
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * periodNanos);
      clock.sleepUntil(due);
      late += clock.read() - due > LATE_NANOS ? 1 : 0;
      PackedBody body = setting.payload().body(i);
      executor.execute(
          () -> {
            try {
              Reply reply = sender.send(body);
              long answered = clock.read();
              recorder.record(body, reply, answered - due, answered - start);
              lastAnswer.accumulateAndGet(answered, Math::max);
            } catch (InterruptedException e) {
              long now = clock.read();
              recorder.record(
                  body, Reply.noAnswer("cut off at the end of the run"), now - due, now - start);
              Thread.currentThread().interrupt();
            }
          });
    }
    recorder.notSent(drained.await());
    return recorder
        .result(setting, lastAnswer.get() - start)
        .withClient(new RunResult.Client(0, 0, total == 0 ? 0 : late / (double) total));
  }

  /** Waits for the queued and running requests; returns how many were never started. */
  @FunctionalInterface
  interface Drain {
    long await() throws InterruptedException;
  }

  private static long awaitOrCut(ExecutorService pool, Duration drain, Sender sender)
      throws InterruptedException {
    pool.shutdown();
    if (pool.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
      return 0;
    }
    long neverStarted = pool.shutdownNow().size();
    sender.abortInFlight();
    // Those interrupted in flight record themselves as cut off; give them a moment to do so.
    pool.awaitTermination(5, TimeUnit.SECONDS);
    return neverStarted;
  }

  private static ThreadFactory daemon() {
    AtomicLong count = new AtomicLong();
    return task -> {
      Thread thread = new Thread(task, "loadtest-open-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
