package io.batchserve.loadtest;

import io.batchserve.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} virtual clients, each sending its next request as soon as the
 * previous answer has arrived, until the run's time or request budget is spent. Latency is measured
 * from send to the last byte of the answer. The clients are platform threads that block in {@link
 * Sender#send}: with {@link SocketSender}, each on its own keep-alive connection.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  /**
   * Blocks until every client has stopped and its last answer is in; the clients' threads count
   * their CPU time on {@code cpu}.
   */
  static RunResult run(Sender sender, RunSetting setting, Limits limits, Ticker clock, CpuMeter cpu)
      throws InterruptedException {
    Recorder recorder = new Recorder();
    AtomicLong tickets = new AtomicLong();
    long start = clock.read();
    long deadline = start + limits.duration().toNanos();
    AtomicLong lastAnswer = new AtomicLong(start);
    Runnable client =
        () -> {
          try {
            long ticket;
            while ((ticket = tickets.getAndIncrement()) < limits.maxRequests()
                && clock.read() < deadline) {
              PackedBody body = setting.payload().body(ticket);
              long sent = clock.read();
              Reply reply = sender.send(body);
              long answered = clock.read();
              recorder.record(body, reply, answered - sent, answered - start);
              lastAnswer.accumulateAndGet(answered, Math::max);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    runAll(cpu.counted(client), setting.concurrency(), sender);
    return recorder.result(setting, lastAnswer.get() - start);
  }

  private static void runAll(Runnable client, int count, Sender sender)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(client, "loadtest-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } finally {
      threads.forEach(Thread::interrupt);
      sender.abortInFlight();
    }
  }
}
