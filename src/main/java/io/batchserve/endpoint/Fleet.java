package io.batchserve.endpoint;

import io.batchserve.time.Ticker;
import io.batchserve.transform.instance.Instances;
import io.batchserve.transform.invoke.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An endpoint's instances, in service or on their way out: started in parallel as the count grows
 * (each through the harness's {@link Instances}, in slot {@code 1..n}), each put in service as soon
 * as it answers /ping, and stopped from the last when it shrinks. A stopping instance leaves
 * service at once (no new work) and is stopped once its running requests are done, in the
 * background. Counts instance-seconds, as billing does, from the start of an instance's launch to
 * its stop. {@link #scaleTo} is called by one thread at a time.
 */
final class Fleet implements AutoCloseable {
  /** A started instance: where it answers, and how it is stopped. */
  record Started(Endpoint endpoint, Runnable stop) {
    static Started of(Instances instances) {
      return new Started(instances.endpoints().get(0), instances::close);
    }
  }

  /** Starts the instance of a slot (1-based), returning once it answers /ping. */
  interface Launcher {
    Started start(int slot) throws IOException, InterruptedException;

    /** The most instances it can start (the URLs given, or unbounded). */
    int limit();
  }

  /** What an instance in service is bound to; {@code leave} blocks until its work is done. */
  interface Duty {
    Duty NONE = () -> {};

    void leave() throws InterruptedException;
  }

  private record Member(int slot, Started started, Duty duty, long launchedAt) {
    Endpoint endpoint() {
      return started.endpoint();
    }
  }

  private final Launcher launcher;
  private final Function<Endpoint, Duty> onService;
  private final Ticker ticker;
  private final Consumer<String> console;
  private final List<Member> members = new ArrayList<>(); // guarded by this
  private final ExecutorService workers;
  private long retiredNanos; // guarded by this
  private final List<Integer> retiring = new ArrayList<>(); // guarded by this: slots stopping
  private int peak; // guarded by this
  private int actions; // guarded by this

  Fleet(
      Launcher launcher,
      Function<Endpoint, Duty> onService,
      Ticker ticker,
      Consumer<String> console) {
    this.launcher = launcher;
    this.onService = onService;
    this.ticker = ticker;
    this.console = console;
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "instance-start-stop");
              t.setDaemon(true);
              return t;
            });
  }

  /** Instances in service. */
  synchronized int size() {
    return members.size();
  }

  synchronized List<Endpoint> endpoints() {
    return members.stream().map(Member::endpoint).toList();
  }

  /** How far {@link #scaleTo} can go. */
  int limit() {
    return launcher.limit();
  }

  /** What billing would count so far: every instance's time from launch to stop, in seconds. */
  synchronized double instanceSeconds() {
    long now = ticker.read();
    long live = members.stream().mapToLong(m -> now - m.launchedAt()).sum();
    return (retiredNanos + live) / 1e9;
  }

  synchronized int peak() {
    return peak;
  }

  /** Scaling actions taken (a change of the count, not counting the first start). */
  synchronized int actions() {
    return actions;
  }

  /** Instances stopping (draining their last requests). */
  synchronized int stopping() {
    return retiring.size();
  }

  /**
   * Brings the count in service to {@code count}, at most {@link #limit}: new instances are started
   * in parallel (blocking until all answer /ping; one that fails to start is reported once the
   * others are in service), removed ones leave service at once and stop in the background.
   */
  void scaleTo(int count, boolean action) throws IOException, InterruptedException {
    int target = Math.min(count, limit());
    synchronized (this) {
      if (action && target != members.size()) {
        actions++;
      }
    }
    List<Future<Started>> starting = new ArrayList<>();
    for (int slot : freeSlots(target - size())) {
      long launchedAt = ticker.read();
      starting.add(
          workers.submit(
              () -> {
                Started started = launcher.start(slot);
                join(slot, started, launchedAt);
                return started;
              }));
    }
    awaitAll(starting);
    while (size() > target) {
      Member leaving;
      synchronized (this) {
        leaving = members.remove(members.size() - 1);
        retiring.add(leaving.slot());
      }
      workers.execute(() -> retire(leaving));
    }
  }

  /**
   * The {@code n} lowest slots no instance holds, in service or stopping (a stopping instance's
   * slot, its URL or its log, is not reused until it has stopped), within the limit: fewer when the
   * others are still stopping.
   */
  private synchronized List<Integer> freeSlots(int n) {
    List<Integer> free = new ArrayList<>();
    for (int slot = 1; free.size() < n && slot <= launcher.limit(); slot++) {
      int s = slot;
      if (members.stream().noneMatch(m -> m.slot() == s) && !retiring.contains(s)) {
        free.add(s);
      }
    }
    return free;
  }

  /** Puts a started instance in service (in the order instances become ready). */
  private void join(int slot, Started started, long launchedAt) {
    Duty duty = onService.apply(started.endpoint());
    synchronized (this) {
      members.add(new Member(slot, started, duty, launchedAt));
      peak = Math.max(peak, members.size());
    }
  }

  private static void awaitAll(List<Future<Started>> starting)
      throws IOException, InterruptedException {
    IOException failed = null;
    for (Future<Started> start : starting) {
      try {
        start.get();
      } catch (ExecutionException e) {
        if (failed == null) {
          failed = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private void retire(Member member) {
    try {
      member.duty().leave();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      member.started().stop().run();
      synchronized (this) {
        retiredNanos += ticker.read() - member.launchedAt();
        retiring.remove(Integer.valueOf(member.slot()));
      }
      console.accept("stopped " + member.endpoint().base());
    }
  }

  /** Stops every instance, those in service and those stopping. */
  @Override
  public void close() {
    List<Member> left;
    synchronized (this) {
      left = List.copyOf(members);
      members.clear();
    }
    workers.shutdownNow();
    left.parallelStream().forEach(m -> m.started().stop().run());
    try {
      workers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      long now = ticker.read();
      left.forEach(m -> retiredNanos += now - m.launchedAt());
    }
  }
}
