package io.batchserve.worker;

import io.batchserve.model.Model;
import java.util.concurrent.CompletableFuture;

/** One admitted request: its model, its decoded records, its deadline and the future that answers it. */
record Job<B extends Model.Batch, R>(Model<B, R> model, B batch, long deadline, CompletableFuture<R> result) {
  int records() {
    return batch.records();
  }
}
