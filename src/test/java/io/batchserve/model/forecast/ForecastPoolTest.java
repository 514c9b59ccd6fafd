package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.model.Scorer;
import io.batchserve.testing.CountingScorer;
import io.batchserve.testing.ForecastFixtures;
import io.batchserve.time.Ticker;
import io.batchserve.worker.PoolConfig;
import io.batchserve.worker.WorkerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests queued behind a running one reach the model as ONE predict: one recursion, one call per
 * day for all.
 */
class ForecastPoolTest {
  @Test
  void workerPool_requestsQueuedWhileBusy_shareOneCallPerDay() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountingScorer counting =
        new CountingScorer(
            blockingFirstCall(ForecastFixtures.tinyTrainedScorer(), entered, release));
    ForecastModel model = ForecastFixtures.model(counting);
    WorkerPool pool = new WorkerPool(new PoolConfig(1, 16, 10_000, Duration.ZERO), Ticker.system());
    try {
      List<CompletableFuture<Forecasts>> answers = new ArrayList<>();
      answers.add(submit(pool, model, "busy", 3));
      assertTrue(entered.await(10, TimeUnit.SECONDS));
      for (int horizon : new int[] {5, 10, 2}) {
        answers.add(submit(pool, model, "queued" + horizon, horizon));
      }
      release.countDown();

      List<Integer> lengths = new ArrayList<>();
      for (CompletableFuture<Forecasts> answer : answers) {
        lengths.add(answer.get(10, TimeUnit.SECONDS).values()[0].length);
      }

      assertEquals(List.of(3, 5, 10, 2), lengths);
      List<Integer> rows = new ArrayList<>(Collections.nCopies(3, 1));
      rows.addAll(Collections.nCopies(2, 3));
      rows.addAll(Collections.nCopies(3, 2));
      rows.addAll(Collections.nCopies(5, 1));
      assertEquals(
          rows,
          counting.rowsPerCall(),
          "3 calls for the first request, then 10 for the three merged");
    } finally {
      release.countDown();
      pool.shutdown(Duration.ofSeconds(5));
    }
  }

  private static CompletableFuture<Forecasts> submit(
      WorkerPool pool, ForecastModel model, String id, int horizon) {
    ForecastRequest request =
        ForecastBatchingTest.decode(
            model, List.of(ForecastFixtures.record(id, ForecastFixtures.sales(40, 30), horizon)));
    return pool.submit(model, request, Duration.ofSeconds(30));
  }

  private static Scorer blockingFirstCall(
      Scorer delegate, CountDownLatch entered, CountDownLatch release) {
    return new Scorer() {
      @Override
      public float[][] score(float[] values, int rows, int columns) {
        if (entered.getCount() > 0) {
          entered.countDown();
          awaitQuietly(release);
        }
        return delegate.score(values, rows, columns);
      }

      @Override
      public int features() {
        return delegate.features();
      }
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "the latch opened");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
