package io.batchserve.worker;

import io.batchserve.model.Model;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One admitted request: its model, its decoded records, its deadline and the future that answers
 * it.
 */
record Job<B extends Model.Batch, R>(
    Model<B, R> model, B batch, long deadline, CompletableFuture<R> result) {
  int records() {
    return batch.records();
  }

  /**
   * {@code other}, typed as this job's kind. Safe because the queue batches only jobs of the same
   * model object, and the model fixes both type arguments; checked here, so a wrong batch fails
   * loudly instead of mistyping answers.
   */
  @SuppressWarnings("unchecked")
  Job<B, R> sameKind(Job<?, ?> other) {
    if (other.model() != model) {
      throw new IllegalStateException(
          "a batch mixes models '"
              + model.info().name()
              + "' and '"
              + other.model().info().name()
              + "'");
    }
    return (Job<B, R>) other;
  }

  /** Fails the job for having waited past its deadline; returns whether it was still unanswered. */
  boolean expire(long nowNanos) {
    long late = nowNanos - deadline;
    return result.completeExceptionally(
        new DeadlineExceededException(
            "the request waited in the queue past its deadline ("
                + TimeUnit.NANOSECONDS.toMillis(late)
                + " ms late); the server is overloaded, retry later or raise"
                + " SAGEMAKER_MODEL_SERVER_TIMEOUT"));
  }
}
