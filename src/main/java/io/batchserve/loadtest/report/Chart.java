package io.batchserve.loadtest.report;

import java.util.List;

/**
 * A line chart: one line per series, optional error bars, and marked points with a label.
 *
 * @param title what was measured; {@code subtitle} says on what and when
 * @param xScale {@code LINEAR}, {@code LOG2} (for concurrency 1, 2, 4, ...) or {@code PERCENTILE}
 *     (x in percent, drawn at log10(100 / (100 - x)) so that 90, 99, 99.9 % are evenly spaced, as
 *     HdrHistogram plots latency)
 * @param logY a base-10 logarithmic y axis (for values spread over orders of magnitude); else
 *     linear from 0
 */
public record Chart(
    String title,
    String subtitle,
    Scale xScale,
    String xLabel,
    String yLabel,
    boolean logY,
    List<Series> series,
    List<Mark> marks) {
  public enum Scale {
    LINEAR,
    LOG2,
    PERCENTILE
  }

  public Chart {
    series = List.copyOf(series);
    marks = List.copyOf(marks);
  }

  /** A linear-y chart without subtitle or marks, on a linear or a base-2 logarithmic x axis. */
  public Chart(String title, String xLabel, String yLabel, boolean logX, List<Series> series) {
    this(title, "", logX ? Scale.LOG2 : Scale.LINEAR, xLabel, yLabel, false, series, List.of());
  }

  public Chart withSubtitle(String text) {
    return new Chart(title, text, xScale, xLabel, yLabel, logY, series, marks);
  }

  public Chart withMarks(List<Mark> more) {
    return new Chart(title, subtitle, xScale, xLabel, yLabel, logY, series, more);
  }

  public Chart withLogY() {
    return new Chart(title, subtitle, xScale, xLabel, yLabel, true, series, marks);
  }

  /** A named line through points given in x order. */
  public record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /** A point; {@code low} and {@code high} bound its error bar, NaN for none. */
  public record Point(double x, double y, double low, double high) {
    public Point(double x, double y) {
      this(x, y, Double.NaN, Double.NaN);
    }

    boolean hasBar() {
      return !Double.isNaN(low) && !Double.isNaN(high);
    }
  }

  /** A point ringed and labelled, e.g. the recommended setting. */
  public record Mark(double x, double y, String label) {}

  boolean empty() {
    return series.stream().allMatch(s -> s.points().isEmpty());
  }
}
