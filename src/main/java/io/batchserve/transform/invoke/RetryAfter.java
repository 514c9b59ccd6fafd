package io.batchserve.transform.invoke;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wait a {@code Retry-After} header asks for (RFC 9110 10.2.3): delay-seconds or an HTTP-date.
 */
final class RetryAfter {
  private static final long MAX_SECONDS = 365L * 24 * 3600;

  private RetryAfter() {}

  /**
   * The requested wait (zero for a date in the past); empty when the header is absent or malformed.
   */
  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long seconds = text.length() > 9 ? MAX_SECONDS : Math.min(Long.parseLong(text), MAX_SECONDS);
      return Optional.of(Duration.ofSeconds(seconds));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
