package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.FakeTicker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The minimum body rate, on a fake clock: a grace period, then every byte buys 1/rate seconds. */
class BodyRateTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private final FakeTicker ticker = new FakeTicker();
  private final BodyRate rate = new BodyRate(1000, 10 * SECOND, ticker);

  @Test
  void deadline_nothingReceived_isTheGracePeriod() {
    assertEquals(10 * SECOND, rate.deadline(0, 0));
    assertEquals(25 * SECOND, rate.deadline(15 * SECOND, 0));
  }

  @Test
  void deadline_eachByteBuysOneOverTheRate() {
    assertEquals(15 * SECOND, rate.deadline(0, 5000));
    assertEquals(10 * SECOND + 1_000_000, rate.deadline(0, 1));
  }

  @Test
  void deadline_bodyAtTheMinimumRate_isNeverReached() {
    for (long t = 1; t <= 1000; t++) {
      long received = 1000 * t; // arriving at exactly 1000 bytes/s
      assertTrue(t * SECOND < rate.deadline(0, received), "at " + t + " s");
    }
  }

  @Test
  void deadline_rateZero_isOff() {
    BodyRate off = new BodyRate(0, 10 * SECOND, ticker);
    assertFalse(off.enabled());
    assertEquals(Long.MAX_VALUE, off.deadline(0, 0));
  }

  @Test
  void describe_namesBytesTimeAndTheRate() {
    assertEquals(
        "the request body arrived too slowly: 3 of 100 bytes in 12.5 s, below the minimum of 1000"
            + " bytes/s after 10 s (BATCHSERVE_MIN_REQUEST_RATE, --min-request-rate); the"
            + " connection is closed",
        rate.describe(3, 100, 12_500_000_000L));
  }
}
