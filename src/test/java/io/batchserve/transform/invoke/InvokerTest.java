package io.batchserve.transform.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.FakeTicker;
import io.batchserve.transform.FakeContainer;
import io.batchserve.transform.FakeContainer.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InvokerTest {
  private final FakeTicker ticker = new FakeTicker();

  private List<Duration> sleeps() {
    return ticker.sleeps();
  }

  private final AtomicInteger retries = new AtomicInteger();
  private final Invoker.Listener listener =
      new Invoker.Listener() {
        @Override
        public void answered(int status, long nanos) {}

        @Override
        public void retried() {
          retries.incrementAndGet();
        }
      };

  /** An endpoint that reports a restart for the first {@code restarts} connection failures. */
  private static Endpoint restarting(URI base, int restarts) {
    AtomicInteger left = new AtomicInteger(restarts);
    AtomicInteger generation = new AtomicInteger();
    return new Endpoint() {
      @Override
      public URI base() {
        return base;
      }

      @Override
      public long generation() {
        return generation.get();
      }

      @Override
      public boolean recover(long seen) {
        if (left.getAndDecrement() > 0) {
          generation.incrementAndGet();
          return true;
        }
        return false;
      }
    };
  }

  private Invoker invoker(Endpoint endpoint, int maxRetries) {
    return invoker(endpoint, maxRetries, Duration.ofSeconds(60));
  }

  private Invoker invoker(Endpoint endpoint, int maxRetries, Duration retryAfterLimit) {
    Invoker.Settings settings =
        new Invoker.Settings(
            "text/csv", "text/csv", Duration.ofSeconds(5), maxRetries, false, retryAfterLimit);
    return new Invoker(
        HttpClient.newHttpClient(),
        endpoint,
        settings,
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), 1),
        ticker,
        listener);
  }

  private static Payload body(String text) {
    return Payload.of(text.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  @Test
  void invoke_afterARestart_resendsWithoutCountingARetry() throws Exception {
    try (FakeContainer fake =
        FakeContainer.start(r -> r.number() == 1 ? Reply.dropped() : Reply.ok("ok\n"))) {
      Response response = invoker(restarting(fake.uri(), 1), 0).invoke(body("1\n"));
      assertEquals("ok\n", new String(response.body(), StandardCharsets.UTF_8));
      assertEquals(2, response.attempts());
      assertEquals(0, retries.get());
      assertTrue(sleeps().isEmpty());
    }
  }

  @Test
  void invoke_connectionFailureWithoutRestart_isARetryWithBackoff() throws Exception {
    try (FakeContainer fake =
        FakeContainer.start(r -> r.number() == 1 ? Reply.dropped() : Reply.ok("ok\n"))) {
      invoker(restarting(fake.uri(), 0), 1).invoke(body("1\n"));
      assertEquals(1, retries.get());
      assertEquals(1, sleeps().size());
      assertTrue(
          sleeps().get(0).toMillis() >= 100 && sleeps().get(0).toMillis() <= 200,
          sleeps().toString());
    }
  }

  @Test
  void invoke_clientError_isFinalAndCarriesStatusAndBody() throws Exception {
    try (FakeContainer fake =
        FakeContainer.start(r -> Reply.status(415, "{\"error\":\"unsupported\"}"))) {
      var e =
          assertThrows(
              InvocationException.class,
              () -> invoker(restarting(fake.uri(), 0), 3).invoke(body("1\n")));
      assertEquals(415, e.status());
      assertEquals("ClientError: 415", e.headline());
      assertEquals("{\"error\":\"unsupported\"}", e.body());
      assertEquals(1, fake.requests().size());
    }
  }

  @Test
  void invoke_busyWithRetryAfter_waitsWhatTheServerAsks() throws Exception {
    try (FakeContainer fake =
        FakeContainer.start(
            r ->
                r.number() == 1
                    ? Reply.status(503, "{\"error\":\"busy\"}").retryAfter("7")
                    : Reply.ok("ok\n"))) {
      invoker(restarting(fake.uri(), 0), 3).invoke(body("1\n"));
      assertEquals(List.of(Duration.ofSeconds(7)), sleeps());
    }
  }

  @Test
  void invoke_retryAfterOverTheLimit_waitsTheLimit() throws Exception {
    try (FakeContainer fake =
        FakeContainer.start(
            r -> r.number() == 1 ? Reply.status(503, "").retryAfter("3600") : Reply.ok("ok\n"))) {
      invoker(restarting(fake.uri(), 0), 3, Duration.ofSeconds(20)).invoke(body("1\n"));
      assertEquals(List.of(Duration.ofSeconds(20)), sleeps());
    }
  }

  @Test
  void invoke_retryAfterShorterThanBackoffOrIgnored_waitsTheBackoff() throws Exception {
    try (FakeContainer fake =
        FakeContainer.start(
            r ->
                r.number() < 3
                    ? Reply.status(503, "").retryAfter(r.number() == 1 ? "0" : "9")
                    : Reply.ok("ok\n"))) {
      invoker(restarting(fake.uri(), 0), 3, Duration.ZERO).invoke(body("1\n"));
      assertEquals(2, sleeps().size());
      assertTrue(
          sleeps().get(0).toMillis() >= 100 && sleeps().get(0).toMillis() <= 200,
          sleeps().toString());
      assertTrue(
          sleeps().get(1).toMillis() >= 200 && sleeps().get(1).toMillis() <= 400,
          sleeps().toString());
    }
  }
}
