package io.batchserve.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.Await;
import io.batchserve.testing.EchoModel;
import io.batchserve.testing.LogCapture;
import io.batchserve.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
  private static final Duration LONG = Duration.ofMinutes(5);
  private final EchoModel model = new EchoModel("echo");
  private WorkerPool pool;

  @AfterEach
  void stop() {
    if (pool != null) {
      pool.shutdown(Duration.ofSeconds(5));
    }
  }

  private WorkerPool pool(int workers, int queue, int maxRecords) {
    pool =
        new WorkerPool(new PoolConfig(workers, queue, maxRecords, Duration.ZERO), Ticker.system());
    return pool;
  }

  @Test
  void submit_answersEachRequestWithItsOwnRecords() throws Exception {
    pool(2, 8, 100);
    var first = pool.submit(model, EchoModel.lines("a", "b"), LONG);
    var second = pool.submit(model, EchoModel.lines("c"), LONG);
    assertEquals(List.of("A", "B"), first.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("C"), second.get(5, TimeUnit.SECONDS));
  }

  @Test
  void submit_whileWorkerBusy_queuedRequestsShareOnePrediction() throws Exception {
    pool(1, 8, 100);
    CountDownLatch release = model.block();
    var blocker = pool.submit(model, EchoModel.lines("x"), LONG);
    assertTrue(model.entered().await(5, TimeUnit.SECONDS), "the prediction started");
    List<CompletableFuture<List<String>>> queued = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      queued.add(pool.submit(model, EchoModel.lines("q" + i, "r" + i), LONG));
    }
    release.countDown();
    blocker.get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 5; i++) {
      assertEquals(List.of("Q" + i, "R" + i), queued.get(i).get(5, TimeUnit.SECONDS));
    }
    assertEquals(List.of(List.of(1), List.of(2, 2, 2, 2, 2)), model.calls());
  }

  @Test
  void submit_queueFull_failsAtOnceWithCapacityExceeded() throws Exception {
    pool(1, 2, 100);
    CountDownLatch release = model.block();
    pool.submit(model, EchoModel.lines("running"), LONG);
    assertTrue(model.entered().await(5, TimeUnit.SECONDS), "the prediction started");
    pool.submit(model, EchoModel.lines("q1"), LONG);
    pool.submit(model, EchoModel.lines("q2"), LONG);
    var refused = pool.submit(model, EchoModel.lines("q3"), LONG);
    assertTrue(refused.isDone(), "admission never waits");
    ExecutionException e = assertThrows(ExecutionException.class, refused::get);
    assertInstanceOf(CapacityExceededException.class, e.getCause());
    release.countDown();
  }

  @Test
  void submit_modelFails_failsEveryRequestOfTheBatchAndWorkerGoesOn() throws Exception {
    pool(1, 8, 100);
    IllegalStateException boom = new IllegalStateException("native failure");
    model.failWith(boom);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> pool.submit(model, EchoModel.lines("a"), LONG).get(5, TimeUnit.SECONDS));
    assertSame(boom, e.getCause());
    model.failWith(null);
    assertEquals(
        List.of("B"), pool.submit(model, EchoModel.lines("b"), LONG).get(5, TimeUnit.SECONDS));
  }

  @Test
  void submit_workerEndsOnError_isLoggedFailsItsBatchAndIsReplaced() throws Exception {
    pool(1, 8, 100);
    try (LogCapture log = new LogCapture()) {
      model.dieOnceWith(new StackOverflowError("deep recursion"));
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> pool.submit(model, EchoModel.lines("a"), LONG).get(5, TimeUnit.SECONDS));
      assertInstanceOf(StackOverflowError.class, e.getCause());

      assertEquals(
          List.of("B"),
          pool.submit(model, EchoModel.lines("b"), LONG).get(5, TimeUnit.SECONDS),
          "the replacement serves the next request");
      Await.until(
          () ->
              log.text()
                  .contains(
                      "worker-1 ended on java.lang.StackOverflowError: deep recursion while"
                          + " predicting 1 request(s) of model 'echo' (each answered with the"
                          + " error); worker-1r takes its place"),
          "the log line");
      Await.until(() -> pool.workersAlive() == 1, "one worker alive");
      assertEquals(1, pool.workersReplaced());
    }
  }

  @Test
  void submit_notAnsweredInTime_failsWithDeadlineExceeded() throws Exception {
    pool(1, 8, 100);
    CountDownLatch release = model.block();
    var slow = pool.submit(model, EchoModel.lines("slow"), Duration.ofMillis(50));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> slow.get(5, TimeUnit.SECONDS));
    assertInstanceOf(DeadlineExceededException.class, e.getCause());
    release.countDown();
  }

  @Test
  void shutdown_finishesAdmittedWorkAndRefusesNew() throws Exception {
    pool(1, 8, 100);
    CountDownLatch release = model.block();
    var running = pool.submit(model, EchoModel.lines("a"), LONG);
    assertTrue(model.entered().await(5, TimeUnit.SECONDS), "the prediction started");
    var queued = pool.submit(model, EchoModel.lines("b"), LONG);
    Thread stopper = new Thread(() -> pool.shutdown(Duration.ofSeconds(30)));
    stopper.start();
    while (pool.accepting()) {
      Thread.onSpinWait();
    }
    var refused = pool.submit(model, EchoModel.lines("late"), LONG);
    release.countDown();
    stopper.join();
    assertEquals(List.of("A"), running.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("B"), queued.get(5, TimeUnit.SECONDS));
    ExecutionException e = assertThrows(ExecutionException.class, refused::get);
    assertInstanceOf(CapacityExceededException.class, e.getCause());
  }
}
