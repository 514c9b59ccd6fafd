package io.batchserve.transform.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delay_growsExponentiallyWithinHalfToFullAndIsCapped() {
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 7);
    for (int retry = 1; retry <= 6; retry++) {
      long full = Math.min(1000, 200L << (retry - 1));
      long delay = backoff.delay(retry).toMillis();
      assertTrue(delay >= full / 2 && delay <= full, retry + ": " + delay);
    }
  }

  @Test
  void delay_sameSeed_sameSequence() {
    Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 42);
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 42);
    for (int retry = 1; retry <= 3; retry++) {
      assertEquals(a.delay(retry), b.delay(retry));
    }
  }
}
