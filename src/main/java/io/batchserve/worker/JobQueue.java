package io.batchserve.worker;

import io.batchserve.time.Ticker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between HTTP threads and workers, and the batching rule.
 *
 * <p>{@link #offer} never blocks: a full or closed queue refuses. {@link #takeBatch} blocks for the
 * first job, then gathers queued jobs of the same model, in arrival order, while their records fit
 * the record budget; if the delay budget is not zero it waits for more arrivals until the budget is
 * spent (measured with the injected ticker). Jobs past their deadline are taken out as they are
 * found, never predicted, and handed back to be failed by the caller after the lock is released:
 * completing a future runs its dependent stages (the HTTP answer's error mapping, logging and
 * socket write) on the completing thread, which must not hold the queue's lock.
 */
final class JobQueue {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Ticker ticker;
  private final int capacity;

  // Guarded by lock.
  private final ArrayDeque<Job<?, ?>> jobs = new ArrayDeque<>();
  // Guarded by lock.
  private boolean closed;

  JobQueue(int capacity, Ticker ticker) {
    this.capacity = capacity;
    this.ticker = ticker;
  }

  /** Admits a job unless the queue is full or closed. */
  boolean offer(Job<?, ?> job) {
    lock.lock();
    try {
      if (closed || jobs.size() >= capacity) {
        return false;
      }
      jobs.addLast(job);
      changed.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * What {@link #takeBatch} took: jobs to predict together (all of one model), and jobs found past
   * their deadline, which the caller fails once the lock is released. Both empty means the queue is
   * closed and empty.
   */
  record Taken(List<Job<?, ?>> batch, List<Job<?, ?>> expired) {
    boolean closedAndEmpty() {
      return batch.isEmpty() && expired.isEmpty();
    }
  }

  /**
   * Blocks until a job is queued, then returns it with the queued jobs of the same model that fit
   * the budgets, and the expired jobs met on the way. Returns at once, without a batch, when it has
   * expired jobs and nothing live to wait for, so that they are failed without delay.
   */
  Taken takeBatch(int maxRecords, long maxDelayNanos) throws InterruptedException {
    List<Job<?, ?>> expired = new ArrayList<>();
    lock.lock();
    try {
      Job<?, ?> first = awaitFirst(expired);
      if (first == null) {
        return new Taken(List.of(), expired);
      }
      List<Job<?, ?>> batch = new ArrayList<>();
      batch.add(first);
      int records = first.records();
      long waitUntil = ticker.read() + maxDelayNanos;
      while (true) {
        records = drainSameModel(batch, records, maxRecords, expired);
        long remaining = waitUntil - ticker.read();
        if (records >= maxRecords || remaining <= 0 || closed) {
          return new Taken(batch, expired);
        }
        changed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The first live job, or null when the queue is closed and empty or expired jobs are waiting to
   * be failed.
   */
  private Job<?, ?> awaitFirst(List<Job<?, ?>> expired) throws InterruptedException {
    while (true) {
      Job<?, ?> job = jobs.pollFirst();
      if (job != null && !isExpired(job)) {
        return job;
      }
      if (job != null) {
        expired.add(job);
      } else if (closed || !expired.isEmpty()) {
        return null;
      } else {
        changed.await();
      }
    }
  }

  private int drainSameModel(
      List<Job<?, ?>> batch, int records, int maxRecords, List<Job<?, ?>> expired) {
    Object model = batch.get(0).model();
    int total = records;
    for (Iterator<Job<?, ?>> it = jobs.iterator(); it.hasNext() && total < maxRecords; ) {
      Job<?, ?> job = it.next();
      if (job.model() != model || total + job.records() > maxRecords) {
        continue;
      }
      it.remove();
      if (isExpired(job)) {
        expired.add(job);
      } else {
        batch.add(job);
        total += job.records();
      }
    }
    return total;
  }

  private boolean isExpired(Job<?, ?> job) {
    return ticker.read() - job.deadline() >= 0;
  }

  /**
   * Fails jobs {@link #takeBatch} found expired. Call without the lock (it is never held outside
   * this class).
   */
  void fail(List<Job<?, ?>> expired) {
    long now = ticker.read();
    expired.forEach(job -> job.expire(now));
  }

  /** For tests: whether the calling thread holds the queue's lock. */
  boolean lockHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /** Refuses new jobs from now on; queued jobs are still handed out. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns every queued job (for failing them when the pool gives up). */
  List<Job<?, ?>> clear() {
    lock.lock();
    try {
      List<Job<?, ?>> left = new ArrayList<>(jobs);
      jobs.clear();
      return left;
    } finally {
      lock.unlock();
    }
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return jobs.size();
    } finally {
      lock.unlock();
    }
  }

  int capacity() {
    return capacity;
  }
}
