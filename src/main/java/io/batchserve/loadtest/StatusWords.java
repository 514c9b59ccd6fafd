package io.batchserve.loadtest;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Request outcomes as a person reads them: {@code 95 answered 400 Bad Request, 3 with no answer}.
 */
final class StatusWords {
  private static final Map<String, String> REASONS =
      Map.ofEntries(
          Map.entry("200", "OK"),
          Map.entry("400", "Bad Request"),
          Map.entry("403", "Forbidden"),
          Map.entry("404", "Not Found"),
          Map.entry("405", "Method Not Allowed"),
          Map.entry("406", "Not Acceptable"),
          Map.entry("408", "Request Timeout"),
          Map.entry("413", "Payload Too Large"),
          Map.entry("415", "Unsupported Media Type"),
          Map.entry("424", "Failed Dependency"),
          Map.entry("429", "Too Many Requests"),
          Map.entry("500", "Internal Server Error"),
          Map.entry("502", "Bad Gateway"),
          Map.entry("503", "Service Unavailable"),
          Map.entry("504", "Gateway Timeout"));

  private StatusWords() {}

  /** Every outcome with its count, in the map's order. */
  static String of(Map<String, Long> byStatus) {
    return byStatus.entrySet().stream()
        .map(e -> e.getValue() + " " + outcome(e.getKey()))
        .collect(Collectors.joining(", "));
  }

  /** {@code answered 503 Service Unavailable}, {@code with no answer}, {@code not sent}. */
  static String outcome(String status) {
    return switch (status) {
      case "no-answer" -> "with no answer";
      case "not-sent" -> "not sent";
      default ->
          "answered " + status + (REASONS.containsKey(status) ? " " + REASONS.get(status) : "");
    };
  }
}
