package io.batchserve.worker;

import io.batchserve.model.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of platform threads that run predictions, fed by a bounded queue.
 *
 * <p>Implementation notes. Callers {@link #submit} a decoded request and get a future; admission is a non-blocking
 * offer, so an HTTP thread never waits for capacity: a full queue fails the future at once with
 * {@link CapacityExceededException}. Each worker takes one job, merges the queued jobs of the same model that fit the
 * record and delay budgets ({@link JobQueue#takeBatch}), runs ONE {@link Model#predict} for all of them, and
 * completes every future with its own answer. A failure fails every future of that batch and the worker goes on.
 * Futures are completed on worker threads; callers should not run long work in dependent stages. Every job has a
 * deadline: a job found past it in the queue is failed, not predicted, and the returned future also times out on
 * its own, so a caller is answered even while a slow prediction is still running.
 *
 * <p>What one prediction costs depends on the model's engine, chosen at load (see the model package's
 * {@code EngineChoice}): the Java engine, for models it serves bit for bit, costs a few microseconds per row with no
 * fixed cost per call, so merging matters little for it; xgboost4j costs about 150-200 microseconds per call before
 * it looks at a row, which merging amortises over every request in the batch. The pool treats both alike: it never
 * knows which engine runs.
 *
 * <p>{@link #shutdown} refuses new jobs, lets the workers finish what was admitted within the grace period, then
 * interrupts them and fails whatever is left.
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

  public WorkerPool(PoolConfig config, Ticker ticker) {
    this.config = config;
    this.ticker = ticker;
    this.queue = new JobQueue(config.queueCapacity(), ticker);
    for (int i = 0; i < config.workers(); i++) {
      Thread thread = new Thread(this::work, "worker-" + (i + 1));
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * Queues one request for prediction. Never blocks. The future completes with the model's answer, or
   * exceptionally with {@link CapacityExceededException} (queue full or shutting down),
   * {@link DeadlineExceededException} (not answered within {@code timeout}), or whatever the model threw.
   */
  public <B extends Model.Batch, R> CompletableFuture<R> submit(Model<B, R> model, B batch, Duration timeout) {
    CompletableFuture<R> result = new CompletableFuture<>();
    Job<B, R> job = new Job<>(model, batch, ticker.read() + timeout.toNanos(), result);
    if (!queue.offer(job)) {
      result.completeExceptionally(new CapacityExceededException("the server is busy: " + queue.size()
          + " requests are queued (capacity " + queue.capacity() + ") or it is shutting down; retry later"));
      return result;
    }
    return result.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).exceptionallyCompose(e -> {
      if (e instanceof java.util.concurrent.TimeoutException) {
        return CompletableFuture.failedFuture(new DeadlineExceededException(
            "no answer within " + timeout.toSeconds() + " s; raise SAGEMAKER_MODEL_SERVER_TIMEOUT or send fewer "
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

  /** Totals since the pool started; safe to call from any thread (each total is read on its own). */
  public PoolStats stats() {
    return new PoolStats(predictions.sum(), requests.sum(), records.sum(), busyNanos.sum());
  }

  private void work() {
    while (true) {
      List<Job<?, ?>> batch;
      try {
        batch = queue.takeBatch(config.maxBatchRecords(), config.maxBatchDelay().toNanos());
      } catch (InterruptedException e) {
        return;
      }
      if (batch.isEmpty()) {
        return;
      }
      run(batch);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void run(List<Job<?, ?>> batch) {
    try {
      runTyped((List) batch);
    } catch (Throwable t) {
      for (Job<?, ?> job : batch) {
        job.result().completeExceptionally(t);
      }
      if (t instanceof Error && !(t instanceof OutOfMemoryError)) {
        throw (Error) t;
      }
    }
  }

  private <B extends Model.Batch, R> void runTyped(List<Job<B, R>> batch) {
    Model<B, R> model = batch.get(0).model();
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
      throw new IllegalStateException("model '" + model.info().name() + "' answered " + answers.size()
          + " of " + batch.size() + " requests");
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(answers.get(i));
    }
  }

  /**
   * Stops admitting, waits up to {@code grace} for the workers to finish the admitted jobs, then interrupts them
   * and fails what is left. Returns whether everything admitted was answered.
   */
  public boolean shutdown(Duration grace) {
    queue.close();
    long deadline = System.nanoTime() + grace.toNanos();
    boolean drained = true;
    for (Thread thread : threads) {
      try {
        long left = deadline - System.nanoTime();
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      drained &= !thread.isAlive();
    }
    if (!drained) {
      threads.forEach(Thread::interrupt);
      List<Job<?, ?>> left = queue.clear();
      left.forEach(job -> job.result().completeExceptionally(
          new CapacityExceededException("the server shut down before this request ran")));
      LOG.warn("worker pool did not drain within {} s; {} queued requests failed", grace.toSeconds(), left.size());
    }
    return drained;
  }
}
