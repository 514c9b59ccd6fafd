package io.batchserve.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.EchoModel;
import io.batchserve.testing.FakeTicker;
import io.batchserve.time.Ticker;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The batching rule, with a fake clock: what one worker takes from the queue. */
class JobQueueTest {
  private final FakeTicker ticker = new FakeTicker();
  private final JobQueue queue = new JobQueue(8, ticker);
  private final EchoModel a = new EchoModel("a");
  private final EchoModel b = new EchoModel("b");

  private Job<EchoModel.Lines, List<String>> job(EchoModel model, int records) {
    return job(model, records, Long.MAX_VALUE);
  }

  private Job<EchoModel.Lines, List<String>> job(EchoModel model, int records, long deadline) {
    String[] lines = new String[records];
    Arrays.fill(lines, "x");
    return new Job<>(model, EchoModel.lines(lines), deadline, new CompletableFuture<>());
  }

  @Test
  void offer_fullQueue_refusesWithoutBlocking() {
    for (int i = 0; i < 8; i++) {
      assertTrue(queue.offer(job(a, 1)));
    }
    assertFalse(queue.offer(job(a, 1)));
    assertEquals(8, queue.size());
  }

  @Test
  void takeBatch_zeroDelay_mergesOnlySameModelAlreadyQueued() throws Exception {
    var first = job(a, 2);
    var other = job(b, 1);
    var second = job(a, 3);
    queue.offer(first);
    queue.offer(other);
    queue.offer(second);
    assertEquals(List.of(first, second), queue.takeBatch(100, 0).batch());
    assertEquals(List.of(other), queue.takeBatch(100, 0).batch());
  }

  @Test
  void takeBatch_recordBudget_leavesWhatDoesNotFit() throws Exception {
    var first = job(a, 6);
    var tooBig = job(a, 5);
    var fits = job(a, 4);
    queue.offer(first);
    queue.offer(tooBig);
    queue.offer(fits);
    assertEquals(List.of(first, fits), queue.takeBatch(10, 0).batch());
    assertEquals(List.of(tooBig), queue.takeBatch(10, 0).batch());
  }

  @Test
  void takeBatch_jobOverBudgetAlone_stillRuns() throws Exception {
    var huge = job(a, 50);
    queue.offer(huge);
    assertEquals(List.of(huge), queue.takeBatch(10, 0).batch());
  }

  @Test
  void takeBatch_expiredJobs_failedAndSkipped() throws Exception {
    var expired = job(a, 1, 100);
    var alive = job(a, 1, 10_000);
    queue.offer(expired);
    queue.offer(alive);
    ticker.advance(500);
    JobQueue.Taken taken = queue.takeBatch(10, 0);
    assertEquals(List.of(alive), taken.batch());
    assertEquals(List.of(expired), taken.expired());
    queue.fail(taken.expired());
    ExecutionException e =
        Assertions.assertThrows(
            ExecutionException.class, () -> expired.result().get(1, TimeUnit.SECONDS));
    assertInstanceOf(DeadlineExceededException.class, e.getCause());
  }

  @Test
  void takeBatch_expiredJobs_areFailedOutsideTheLock() throws Exception {
    var expired = job(a, 1, 100);
    AtomicReference<Boolean> lockHeld = new AtomicReference<>();
    expired.result().whenComplete((answer, error) -> lockHeld.set(queue.lockHeldByCurrentThread()));
    queue.offer(expired);
    ticker.advance(500);

    JobQueue.Taken taken = queue.takeBatch(10, 0);

    assertFalse(expired.result().isDone(), "not completed while takeBatch held the lock");
    assertEquals(
        List.of(),
        taken.batch(),
        "nothing live: it returns at once so that the expired job is failed");
    queue.fail(taken.expired());
    assertEquals(Boolean.FALSE, lockHeld.get(), "the future's stages ran without the queue's lock");
  }

  @Test
  void takeBatch_delayBudgetSpent_returnsWhatItHas() throws Exception {
    JobQueue stepping = new JobQueue(8, new FakeTicker(1_000_000));
    var only = job(a, 1);
    stepping.offer(only);
    assertEquals(List.of(only), stepping.takeBatch(10, 3_000_000).batch());
  }

  @Test
  void takeBatch_duringDelay_mergesNewArrivalUntilBudgetFull() throws Exception {
    JobQueue real = new JobQueue(8, Ticker.system());
    var first = job(a, 5);
    var late = job(a, 5);
    real.offer(first);
    Thread producer =
        new Thread(
            () -> {
              sleep(50);
              real.offer(late);
            });
    producer.start();
    // A long delay budget: the batch is complete as soon as the late job fills the record budget.
    assertEquals(List.of(first, late), real.takeBatch(10, TimeUnit.MINUTES.toNanos(5)).batch());
    producer.join();
  }

  @Test
  void takeBatch_closedAndEmpty_returnsEmpty() throws Exception {
    queue.close();
    assertTrue(queue.takeBatch(10, 0).closedAndEmpty());
    assertFalse(queue.offer(job(a, 1)));
  }

  @Test
  void takeBatch_closed_stillHandsOutQueuedJobs() throws Exception {
    var queued = job(a, 1);
    queue.offer(queued);
    queue.close();
    assertEquals(List.of(queued), queue.takeBatch(10, 0).batch());
    assertTrue(queue.takeBatch(10, 0).closedAndEmpty());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
