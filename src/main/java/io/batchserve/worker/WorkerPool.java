package io.batchserve.worker;

import io.batchserve.model.Model;
import io.batchserve.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of platform threads that run predictions, fed by a bounded queue.
 *
 * <p>Implementation notes. Callers {@link #submit} a decoded request and get a future; admission is
 * a non-blocking offer, so an HTTP thread never waits for capacity: a full queue fails the future
 * at once with {@link CapacityExceededException}. Each worker takes one job, merges the queued jobs
 * of the same model that fit the record and delay budgets ({@link JobQueue#takeBatch}), runs ONE
 * {@link Model#predict} for all of them, and completes every future with its own answer. A failure
 * fails every future of that batch and the worker goes on; a worker that ends on an {@link Error}
 * is logged and replaced. Futures are completed on worker threads and never under the queue's lock
 * (the queue hands expired jobs back to be failed after unlocking); callers should not run long
 * work in dependent stages. Every job has a deadline: a job found past it in the queue is failed,
 * not predicted, and the returned future also times out on its own, so a caller is answered even
 * while a slow prediction is still running.
 *
 * <p>Who does what, for one {@code POST /invocations}: the HTTP thread that read the body's last
 * byte decodes it and calls {@link #submit}; a worker predicts the merged batch and completes each
 * future; the future's dependent stages, which the HTTP layer attaches without an executor,
 * therefore run on that worker: encoding the answer and handing it to Jetty, which writes it
 * through its own buffers. So a worker's time per request is predict plus encode plus the hand-off;
 * a client that reads its answer slowly can hold the worker while the answer does not fit Jetty's
 * output buffer (UNCONFIRMED as a problem in practice: Batch Transform reads promptly).
 *
 * <p>What one prediction costs depends on the model's engine, chosen at load (see the model
 * package's {@code EngineChoice}): the Java engine, for models it serves bit for bit, costs a few
 * microseconds per row with no fixed cost per call, so merging matters little for it; xgboost4j
 * costs about 150-200 microseconds per call before it looks at a row, which merging amortises over
 * every request in the batch. The pool treats both alike: it never knows which engine runs.
 *
 * <p>{@link #shutdown} refuses new jobs, lets the workers finish what was admitted within the grace
 * period, then interrupts them and fails whatever is left.
 */
public final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final PoolConfig config;
  private final Ticker ticker;
  private final JobQueue queue;
  private final List<Thread> threads = new ArrayList<>();
  private final LongAdder predictions = new LongAdder();
  private final LongAdder requests = new LongAdder();
  private final LongAdder records = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();
  private final LongAdder workersReplaced = new LongAdder();

  public WorkerPool(PoolConfig config, Ticker ticker) {
    this.config = config;
    this.ticker = ticker;
    this.queue = new JobQueue(config.queueCapacity(), ticker);
    for (int i = 0; i < config.workers(); i++) {
      startWorker("worker-" + (i + 1));
    }
  }

  private Thread startWorker(String name) {
    Thread thread = new Thread(this::work, name);
    thread.setDaemon(true);
    synchronized (threads) {
      threads.add(thread);
    }
    thread.start();
    return thread;
  }

  /**
   * Queues one request for prediction. Never blocks. The future completes with the model's answer,
   * or exceptionally with {@link CapacityExceededException} (queue full or shutting down), {@link
   * DeadlineExceededException} (not answered within {@code timeout}), or whatever the model threw.
   */
  public <B extends Model.Batch, R> CompletableFuture<R> submit(
      Model<B, R> model, B batch, Duration timeout) {
    CompletableFuture<R> result = new CompletableFuture<>();
    Job<B, R> job = new Job<>(model, batch, ticker.read() + timeout.toNanos(), result);
    if (!queue.offer(job)) {
      result.completeExceptionally(
          new CapacityExceededException(
              "the server is busy: "
                  + queue.size()
                  + " requests are queued (capacity "
                  + queue.capacity()
                  + ") or it is shutting down; retry later"));
      return result;
    }
    return result
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .exceptionallyCompose(
            e -> {
              if (e instanceof TimeoutException) {
                return CompletableFuture.failedFuture(
                    new DeadlineExceededException(
                        "no answer within "
                            + timeout.toSeconds()
                            + " s; raise SAGEMAKER_MODEL_SERVER_TIMEOUT or send fewer "
                            + "records per request"));
              }
              return CompletableFuture.failedFuture(e);
            });
  }

  /** False once {@link #shutdown} has begun: every new submission is refused. */
  public boolean accepting() {
    return !queue.isClosed();
  }

  public int queued() {
    return queue.size();
  }

  public PoolConfig config() {
    return config;
  }

  /** Workers that ended on an {@link Error} and were replaced, since the pool started. */
  public long workersReplaced() {
    return workersReplaced.sum();
  }

  /** Worker threads alive now: the configured number, unless shutting down. */
  public int workersAlive() {
    synchronized (threads) {
      return (int) threads.stream().filter(Thread::isAlive).count();
    }
  }

  /**
   * Totals since the pool started; safe to call from any thread (each total is read on its own).
   */
  public PoolStats stats() {
    return new PoolStats(predictions.sum(), requests.sum(), records.sum(), busyNanos.sum());
  }

  /**
   * A worker's loop: take, fail the expired (outside the queue's lock), predict; until closed or
   * dying.
   */
  private void work() {
    while (true) {
      JobQueue.Taken taken;
      try {
        taken = queue.takeBatch(config.maxBatchRecords(), config.maxBatchDelay().toNanos());
      } catch (InterruptedException e) {
        return;
      }
      queue.fail(taken.expired());
      if (taken.closedAndEmpty()) {
        return;
      }
      if (!taken.batch().isEmpty() && !run(taken.batch())) {
        return;
      }
    }
  }

  /**
   * Predicts one batch; any failure fails every future of the batch. Returns false when the thread
   * must end: an {@link Error} other than {@link OutOfMemoryError} may have left it in any state,
   * so it is logged and a fresh worker takes its place (the pool never shrinks silently); {@code
   * workersReplaced} counts them.
   */
  private boolean run(List<Job<?, ?>> batch) {
    try {
      runTyped(batch.get(0), batch);
      return true;
    } catch (Throwable t) {
      for (Job<?, ?> job : batch) {
        job.result().completeExceptionally(t);
      }
      if (t instanceof Error && !(t instanceof OutOfMemoryError)) {
        replaceCurrentWorker((Error) t, batch);
        return false;
      }
      return true;
    }
  }

  private void replaceCurrentWorker(Error error, List<Job<?, ?>> batch) {
    String name = Thread.currentThread().getName();
    if (queue.isClosed()) {
      LOG.error(
          "{} ended on {} while predicting {} request(s) of model '{}'; the pool is shutting down,"
              + " so it is not replaced",
          name,
          error,
          batch.size(),
          batch.get(0).model().info().name(),
          error);
      return;
    }
    Thread replacement = startWorker(name + "r");
    workersReplaced.increment();
    LOG.error(
        "{} ended on {} while predicting {} request(s) of model '{}' (each answered with the"
            + " error); {} takes its place",
        name,
        error,
        batch.size(),
        batch.get(0).model().info().name(),
        replacement.getName(),
        error);
  }

  private <B extends Model.Batch, R> void runTyped(Job<B, R> first, List<Job<?, ?>> jobs) {
    List<Job<B, R>> batch = new ArrayList<>(jobs.size());
    for (Job<?, ?> job : jobs) {
      batch.add(first.sameKind(job));
    }
    Model<B, R> model = first.model();
    List<B> inputs = new ArrayList<>(batch.size());
    long batchRecords = 0;
    for (Job<B, R> job : batch) {
      inputs.add(job.batch());
      batchRecords += job.batch().records();
    }
    long start = ticker.read();
    List<R> answers;
    try {
      answers = model.predict(inputs);
    } finally {
      busyNanos.add(ticker.read() - start);
      predictions.increment();
      requests.add(batch.size());
      records.add(batchRecords);
    }
    if (answers.size() != batch.size()) {
      throw new IllegalStateException(
          "model '"
              + model.info().name()
              + "' answered "
              + answers.size()
              + " of "
              + batch.size()
              + " requests");
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(answers.get(i));
    }
  }

  /**
   * Stops admitting, waits up to {@code grace} for the workers to finish the admitted jobs, then
   * interrupts them and fails what is left. Returns whether everything admitted was answered.
   */
  public boolean shutdown(Duration grace) {
    queue.close();
    long deadline = System.nanoTime() + grace.toNanos();
    boolean drained = true;
    List<Thread> all;
    synchronized (threads) {
      all = List.copyOf(threads);
    }
    for (Thread thread : all) {
      try {
        long left = deadline - System.nanoTime();
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      drained &= !thread.isAlive();
    }
    if (!drained) {
      all.forEach(Thread::interrupt);
      List<Job<?, ?>> left = queue.clear();
      left.forEach(
          job ->
              job.result()
                  .completeExceptionally(
                      new CapacityExceededException(
                          "the server shut down before this request ran")));
      LOG.warn(
          "worker pool did not drain within {} s; {} queued requests failed",
          grace.toSeconds(),
          left.size());
    }
    return drained;
  }
}
