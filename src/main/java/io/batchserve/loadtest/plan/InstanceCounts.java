package io.batchserve.loadtest.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Instance counts as typed: {@code 1-20}, {@code 1,2,5,10,20}, or a mix such as {@code 1-4,8,16}.
 */
public final class InstanceCounts {
  private InstanceCounts() {}

  public static List<Integer> parse(String text) {
    List<Integer> counts = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-');
      try {
        if (dash > 0) {
          int from = Integer.parseInt(p.substring(0, dash).strip());
          int to = Integer.parseInt(p.substring(dash + 1).strip());
          if (to < from) {
            throw new IllegalArgumentException("empty instance range: " + p);
          }
          for (int n = from; n <= to; n++) {
            counts.add(n);
          }
        } else {
          counts.add(Integer.parseInt(p));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "instance counts look like 1-20 or 1,2,5: '" + text + "'", e);
      }
    }
    return counts.stream().distinct().sorted().toList();
  }
}
