package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.transform.FakeContainer.Reply;
import io.batchserve.transform.run.JobOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries, timeouts and final failures in the service's log formats, against the fake container.
 */
class RetryTest {
  @TempDir Path dir;

  private Workspace ws() {
    return new Workspace(dir);
  }

  @Test
  void run_clientError_isNotRetriedAndLoggedInServiceFormat() throws Exception {
    Path input = ws().in("a.csv", "1\n");
    try (FakeContainer fake = FakeContainer.start(r -> Reply.status(400, "{\"error\":\"bad\"}"))) {
      Harness harness = Harness.endpoints(fake.uri());
      JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
      assertEquals("Failed", outcome.status().apiName());
      assertEquals(1, fake.requests().size());
      assertTrue(
          harness
              .log()
              .contains(
                  input
                      + ": ClientError: 400\n"
                      + input
                      + ": Message:\n"
                      + input
                      + ": {\"error\":\"bad\"}"),
          harness.log());
    }
  }

  @Test
  void run_clientErrorWithRetryOption_isRetried() throws Exception {
    ws().in("a.csv", "1\n");
    try (FakeContainer fake =
        FakeContainer.start(
            r -> r.number() < 3 ? Reply.status(429, "busy") : FakeContainer.ECHO.reply(r))) {
      Harness harness = Harness.endpoints(fake.uri());
      harness.retryClientErrors = true;
      assertTrue(harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out"))).completed());
      assertEquals(3, fake.requests().size());
      assertEquals(2, harness.sleeps().size());
    }
  }

  @Test
  void run_serverErrorsThenSuccess_retriesWithGrowingBackoff() throws Exception {
    ws().in("a.csv", "1\n");
    try (FakeContainer fake =
        FakeContainer.start(
            r -> r.number() <= 3 ? Reply.status(503, "overloaded") : FakeContainer.ECHO.reply(r))) {
      Harness harness = Harness.endpoints(fake.uri());
      JobOutcome outcome = harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out")));
      assertTrue(outcome.completed(), harness.log());
      assertEquals(4, fake.requests().size());
      assertEquals(3, harness.sleeps().size());
      assertTrue(
          harness.sleeps().get(2).compareTo(harness.sleeps().get(0)) > 0,
          harness.sleeps().toString());
      assertEquals(3, outcome.stats().retries.sum());
    }
  }

  @Test
  void run_serverErrorsBeyondRetries_failsWithBadStatusLine() throws Exception {
    Path input = ws().in("a.csv", "1\n");
    try (FakeContainer fake = FakeContainer.start(r -> Reply.status(500, "boom"))) {
      Harness harness = Harness.endpoints(fake.uri());
      var request =
          Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
              .set("ModelClientConfig.InvocationsMaxRetries", 1);
      assertEquals("Failed", harness.run(request).status().apiName());
      assertEquals(2, fake.requests().size());
      assertTrue(
          harness.log().contains(input + ": Bad HTTP status received from algorithm: 500"),
          harness.log());
    }
  }

  @Test
  void run_timeout_isRetriedThenReported() throws Exception {
    Path input = ws().in("a.csv", "1\n");
    try (FakeContainer fake =
        FakeContainer.start(
            r -> r.number() == 1 ? Reply.ok("late\n").after(3000) : FakeContainer.ECHO.reply(r))) {
      Harness harness = Harness.endpoints(fake.uri());
      var request =
          Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
              .set("ModelClientConfig.InvocationsTimeoutInSeconds", 1);
      assertTrue(harness.run(request).completed(), harness.log());
      assertEquals("r:1\n", ws().out("a.csv.out"));
      assertEquals(1, harness.sleeps().size());
    }
    assertTrue(input.toFile().exists());
  }

  @Test
  void run_droppedConnection_isRetried() throws Exception {
    ws().in("a.csv", "1\n");
    try (FakeContainer fake =
        FakeContainer.start(r -> r.number() == 1 ? Reply.dropped() : FakeContainer.ECHO.reply(r))) {
      Harness harness = Harness.endpoints(fake.uri());
      assertTrue(
          harness.run(Harness.csvLines(dir.resolve("in"), dir.resolve("out"))).completed(),
          harness.log());
      assertEquals("r:1\n", ws().out("a.csv.out"));
    }
  }

  @Test
  void run_timeoutEveryTime_failsWithUnableToGetResponse() throws Exception {
    Path input = ws().in("a.csv", "1\n");
    try (FakeContainer fake = FakeContainer.start(r -> Reply.ok("late\n").after(1500))) {
      Harness harness = Harness.endpoints(fake.uri());
      var request =
          Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
              .set("ModelClientConfig.InvocationsTimeoutInSeconds", 1)
              .set("ModelClientConfig.InvocationsMaxRetries", 0);
      JobOutcome outcome = harness.run(request);
      assertEquals("Failed", outcome.status().apiName());
      assertTrue(
          harness
              .log()
              .contains(
                  input
                      + ": Unable to get response from algorithm\n"
                      + input
                      + ": Message:\n"
                      + input
                      + ": no answer within 1 s (InvocationsTimeoutInSeconds)"),
          harness.log());
    }
  }
}
