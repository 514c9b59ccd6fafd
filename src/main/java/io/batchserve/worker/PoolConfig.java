package io.batchserve.worker;

import java.time.Duration;

/**
 * Settings of a {@link WorkerPool}.
 *
 * @param workers platform threads running predictions
 * @param queueCapacity requests admitted but not yet taken by a worker; one more is refused at once
 * @param maxBatchRecords a worker merges queued requests of the same model until their records
 *     reach this; a larger request still runs, alone
 * @param maxBatchDelay how long a worker waits for more requests to merge before predicting; zero
 *     merges only what is already queued
 */
public record PoolConfig(
    int workers, int queueCapacity, int maxBatchRecords, Duration maxBatchDelay) {
  public PoolConfig {
    if (workers < 1) {
      throw new IllegalArgumentException("workers < 1: " + workers);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queue capacity < 1: " + queueCapacity);
    }
    if (maxBatchRecords < 1) {
      throw new IllegalArgumentException("max batch records < 1: " + maxBatchRecords);
    }
    if (maxBatchDelay.isNegative()) {
      throw new IllegalArgumentException("max batch delay is negative: " + maxBatchDelay);
    }
  }
}
