package io.batchserve.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between HTTP threads and workers, and the batching rule.
 *
 * <p>{@link #offer} never blocks: a full or closed queue refuses. {@link #takeBatch} blocks for the first job, then
 * gathers queued jobs of the same model, in arrival order, while their records fit the record budget; if the delay
 * budget is not zero it waits for more arrivals until the budget is spent (measured with the injected ticker).
 * Jobs past their deadline are failed as they are found, never predicted.
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
   * Blocks until a job is queued, then returns it with the queued jobs of the same model that fit the budgets.
   * Returns an empty list once the queue is closed and empty.
   */
  List<Job<?, ?>> takeBatch(int maxRecords, long maxDelayNanos) throws InterruptedException {
    lock.lock();
    try {
      Job<?, ?> first = awaitFirst();
      if (first == null) {
        return List.of();
      }
      List<Job<?, ?>> batch = new ArrayList<>();
      batch.add(first);
      int records = first.records();
      long waitUntil = ticker.read() + maxDelayNanos;
      while (true) {
        records = drainSameModel(batch, records, maxRecords);
        long remaining = waitUntil - ticker.read();
        if (records >= maxRecords || remaining <= 0 || closed) {
          return batch;
        }
        changed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  private Job<?, ?> awaitFirst() throws InterruptedException {
    while (true) {
      Job<?, ?> job = jobs.pollFirst();
      if (job != null && !expire(job)) {
        return job;
      }
      if (job == null && closed) {
        return null;
      }
      if (job == null) {
        changed.await();
      }
    }
  }

  private int drainSameModel(List<Job<?, ?>> batch, int records, int maxRecords) {
    Object model = batch.get(0).model();
    int total = records;
    for (Iterator<Job<?, ?>> it = jobs.iterator(); it.hasNext() && total < maxRecords; ) {
      Job<?, ?> job = it.next();
      if (job.model() != model || total + job.records() > maxRecords) {
        continue;
      }
      it.remove();
      if (!expire(job)) {
        batch.add(job);
        total += job.records();
      }
    }
    return total;
  }

  /** Fails a job whose deadline has passed; returns whether it did. */
  private boolean expire(Job<?, ?> job) {
    long late = ticker.read() - job.deadline();
    if (late < 0) {
      return false;
    }
    job.result().completeExceptionally(new DeadlineExceededException(
        "the request waited in the queue past its deadline (" + TimeUnit.NANOSECONDS.toMillis(late)
            + " ms late); the server is overloaded, retry later or raise SAGEMAKER_MODEL_SERVER_TIMEOUT"));
    return true;
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
