package io.batchserve.transform.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  void parse_delaySeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", NOW));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
  }

  @Test
  void parse_hugeDelay_isCappedNotAnError() {
    assertEquals(Optional.of(Duration.ofDays(365)), RetryAfter.parse("99999999999999999999", NOW));
  }

  @Test
  void parse_httpDate_isTheTimeUntilThen() {
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetryAfter.parse("Mon, 23 Nov 2026 06:01:30 GMT", NOW));
    assertEquals(
        Optional.of(Duration.ZERO), RetryAfter.parse("Mon, 23 Nov 2026 05:00:00 GMT", NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "1.5", "23 Nov 2026"})
  void parse_malformed_isEmpty(String header) {
    assertEquals(Optional.empty(), RetryAfter.parse(header, NOW));
  }
}
