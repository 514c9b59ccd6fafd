package io.batchserve.loadtest.report;

import java.util.List;

/**
 * A line chart: one line per series, over a linear or a base-2 logarithmic x axis (for concurrency 1, 2, 4, ...);
 * the y axis starts at 0.
 */
public record Chart(String title, String xLabel, String yLabel, boolean logX, List<Series> series) {
  public Chart {
    series = List.copyOf(series);
  }

  /** A named line through points given in x order. */
  public record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  public record Point(double x, double y) {}

  boolean empty() {
    return series.stream().allMatch(s -> s.points().isEmpty());
  }
}
