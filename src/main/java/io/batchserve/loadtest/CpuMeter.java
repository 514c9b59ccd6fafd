package io.batchserve.loadtest;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load generator's own CPU time, read before and after each run, so that a run can say what its
 * client cost and whether the client, not the server, may have been the limit.
 *
 * <p>With the server in another process, the meter reads this process's CPU time (user and system,
 * every thread: the client's, the HTTP client library's, garbage collection and JIT). With the
 * server in this JVM ({@code --model-dir}) that would count the server too, so the meter adds up
 * the CPU time of the threads the loops run their clients on, plus the calling thread's.
 * Thread-safe.
 */
interface CpuMeter {
  /** CPU nanoseconds used so far by what this meter watches. */
  long read();

  /** {@code task}, made to count its CPU time when this meter counts threads. */
  default Runnable counted(Runnable task) {
    return task;
  }

  /** The whole process. */
  static CpuMeter process() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof OperatingSystemMXBean bean && bean.getProcessCpuTime() >= 0) {
      return bean::getProcessCpuTime;
    }
    return clientThreads();
  }

  /** The client threads alone. */
  static CpuMeter clientThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    LongAdder ended = new LongAdder();
    return new CpuMeter() {
      @Override
      public long read() {
        return ended.sum() + Math.max(0, threads.getCurrentThreadCpuTime());
      }

      @Override
      public Runnable counted(Runnable task) {
        return () -> {
          long start = threads.getCurrentThreadCpuTime();
          try {
            task.run();
          } finally {
            ended.add(Math.max(0, threads.getCurrentThreadCpuTime() - start));
          }
        };
      }
    };
  }
}
