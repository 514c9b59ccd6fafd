package io.batchserve.codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Content negotiation for the answer's media type. */
public final class Negotiation {
  private Negotiation() {}

  /**
   * Chooses the answer's type from an Accept header. A missing, blank or {@code *}{@code /*} header
   * means {@code fallback}. Otherwise the listed types are tried by quality (then header order) and
   * the first one in {@code supported} wins; a wildcard such as {@code text/*} takes the first
   * supported type it includes.
   *
   * @throws NotAcceptableException when nothing in the header is supported
   */
  public static MediaType chooseAccept(
      String header, List<MediaType> supported, MediaType fallback, String model) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    List<Weighted> ranges = parseRanges(header, supported, model);
    for (Weighted range : ranges) {
      if (range.type.equals(MediaType.ANY)) {
        return fallback;
      }
      for (MediaType candidate : supported) {
        if (range.type.includes(candidate)) {
          return candidate;
        }
      }
    }
    throw new NotAcceptableException(header.trim(), model, supported);
  }

  private static List<Weighted> parseRanges(
      String header, List<MediaType> supported, String model) {
    List<Weighted> ranges = new ArrayList<>();
    String[] parts = header.split(",");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isBlank()) {
        continue;
      }
      try {
        ranges.add(new Weighted(MediaType.parse(parts[i]), quality(parts[i]), i));
      } catch (IllegalArgumentException e) {
        throw new NotAcceptableException(header.trim(), model, supported);
      }
    }
    ranges.removeIf(w -> w.quality <= 0);
    ranges.sort(
        Comparator.comparingDouble((Weighted w) -> -w.quality).thenComparingInt(w -> w.order));
    return ranges;
  }

  private static double quality(String range) {
    for (String param : range.split(";")) {
      String p = param.trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 1.0;
        }
      }
    }
    return 1.0;
  }

  private record Weighted(MediaType type, double quality, int order) {}
}
