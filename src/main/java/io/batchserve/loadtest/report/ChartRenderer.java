package io.batchserve.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Lays a chart out in a box of a canvas: title and subtitle, legend, grid, axes with ticks and
 * labels, then the lines with their error bars, then the marked points.
 */
final class ChartRenderer {
  static final String[] COLORS = {
    "#1f6fb4", "#e0711a", "#2a9d3c", "#c6282b", "#7b55b0", "#8c564b", "#d4529c"
  };
  private static final double[] PERCENTILE_TICKS = {0, 90, 99, 99.9, 99.99, 99.999};
  private static final double LEFT = 72;
  private static final double RIGHT = 24;
  private static final double TOP = 88;
  private static final double BOTTOM = 52;

  private final Chart chart;
  private final Canvas canvas;
  private final double left;
  private final double top;
  private final double width;
  private final double height;
  private final double xMin;
  private final double xMax;
  private final YAxis y;

  private ChartRenderer(
      Chart chart, Canvas canvas, double x, double y, double boxWidth, double boxHeight) {
    this.chart = chart;
    this.canvas = canvas;
    this.left = x + LEFT;
    this.top = y + TOP;
    this.width = boxWidth - LEFT - RIGHT;
    this.height = boxHeight - TOP - BOTTOM;
    TreeSet<Double> xs = xValues();
    this.xMin = xs.isEmpty() ? 0 : scaleX(xs.first());
    this.xMax = xs.isEmpty() ? 1 : scaleX(xs.last());
    this.y = YAxis.of(chart);
  }

  /** Draws {@code chart} into the box at (x, y) of the given size. */
  static void draw(Chart chart, Canvas canvas, double x, double y, double width, double height) {
    new ChartRenderer(chart, canvas, x, y, width, height).draw(x, y, width);
  }

  private void draw(double boxX, double boxY, double boxWidth) {
    canvas.text(
        boxX + boxWidth / 2, boxY + 20, chart.title(), 15, Canvas.Anchor.MIDDLE, true, false);
    List<String> lines = wrap(chart.subtitle(), (int) ((boxWidth - 24) / 6.3));
    for (int i = 0; i < lines.size(); i++) {
      canvas.text(
          boxX + boxWidth / 2,
          boxY + 37 + 14 * i,
          lines.get(i),
          11,
          Canvas.Anchor.MIDDLE,
          false,
          false);
    }
    legend(boxY + 72);
    yAxis();
    xAxis();
    if (chart.empty()) {
      canvas.text(
          left + width / 2, top + height / 2, "no data", 13, Canvas.Anchor.MIDDLE, false, false);
    }
    for (int i = 0; i < chart.series().size(); i++) {
      series(chart.series().get(i), COLORS[i % COLORS.length]);
    }
    chart.marks().forEach(this::mark);
  }

  /**
   * At most two lines of about {@code width} characters, broken after "; " or a space where
   * possible.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip();
    while (!rest.isEmpty() && lines.size() < 2) {
      if (rest.length() <= width || lines.size() == 1) {
        lines.add(rest.length() <= width ? rest : rest.substring(0, width - 3) + "...");
        break;
      }
      int cut = rest.lastIndexOf("; ", width);
      cut = cut > width / 3 ? cut + 1 : rest.lastIndexOf(' ', width);
      cut = cut > 0 ? cut : width;
      lines.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    return lines;
  }

  private void legend(double baseline) {
    double x = left;
    for (int i = 0; i < chart.series().size(); i++) {
      String name = chart.series().get(i).name();
      canvas.rect(x, baseline - 9, 14, 4, COLORS[i % COLORS.length]);
      canvas.text(x + 19, baseline - 3, name, 12, Canvas.Anchor.START, false, false);
      x += 19 + name.length() * 7.2 + 18;
    }
  }

  private void yAxis() {
    for (double tick : y.ticks()) {
      double at = y.position(tick, top, height);
      canvas.line(left, at, left + width, at, tick == y.ticks().get(0) ? "#444444" : "#dddddd", 1);
      canvas.text(left - 6, at + 4, y.label(tick), 11, Canvas.Anchor.END, false, false);
    }
    canvas.text(left - 54, top + height / 2, chart.yLabel(), 12, Canvas.Anchor.MIDDLE, false, true);
  }

  private void xAxis() {
    canvas.line(left, top, left, top + height, "#444444", 1);
    for (double tick : xTicks()) {
      double x = xPos(tick);
      canvas.line(x, top + height, x, top + height + 4, "#444444", 1);
      String label =
          chart.xScale() == Chart.Scale.PERCENTILE
              ? Ticks.percent(tick)
              : Ticks.label(tick, xValues().isEmpty() ? 1 : xValues().last());
      canvas.text(x, top + height + 18, label, 11, Canvas.Anchor.MIDDLE, false, false);
    }
    canvas.text(
        left + width / 2,
        top + height + 40,
        chart.xLabel(),
        12,
        Canvas.Anchor.MIDDLE,
        false,
        false);
  }

  private List<Double> xTicks() {
    if (chart.xScale() == Chart.Scale.PERCENTILE) {
      List<Double> ticks = new ArrayList<>();
      double last = xValues().isEmpty() ? 99 : xValues().last();
      for (double tick : PERCENTILE_TICKS) {
        if (scaleX(tick) <= scaleX(last) + 1e-9) {
          ticks.add(tick);
        }
      }
      return ticks;
    }
    return xValues().size() <= 16 ? List.copyOf(xValues()) : Ticks.linear(xMin, xMax);
  }

  private void series(Chart.Series series, String color) {
    int n = series.points().size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      Chart.Point p = series.points().get(i);
      xs[i] = xPos(p.x());
      ys[i] = y.position(p.y(), top, height);
      if (p.hasBar()) {
        double low = y.position(p.low(), top, height);
        double high = y.position(p.high(), top, height);
        canvas.line(xs[i], low, xs[i], high, color, 1.2);
        canvas.line(xs[i] - 4, low, xs[i] + 4, low, color, 1.2);
        canvas.line(xs[i] - 4, high, xs[i] + 4, high, color, 1.2);
      }
    }
    if (n > 1) {
      canvas.polyline(xs, ys, color, n > 40 ? 1.4 : 2.2);
    }
    if (n <= 40) {
      for (int i = 0; i < n; i++) {
        canvas.dot(xs[i], ys[i], 3.5, color);
      }
    }
  }

  /** A ring round the point and its label beside it, on the side with room. */
  private void mark(Chart.Mark mark) {
    double x = xPos(mark.x());
    double at = y.position(mark.y(), top, height);
    canvas.ring(x, at, 8, "#111111", 2);
    boolean rightHalf = x > left + width * 0.6;
    canvas.text(
        rightHalf ? x - 11 : x + 11,
        Math.max(top + 12, at - 11),
        mark.label(),
        11,
        rightHalf ? Canvas.Anchor.END : Canvas.Anchor.START,
        true,
        false);
  }

  private TreeSet<Double> xValues() {
    TreeSet<Double> xs = new TreeSet<>();
    chart.series().forEach(s -> s.points().forEach(p -> xs.add(p.x())));
    return xs;
  }

  private double scaleX(double x) {
    return switch (chart.xScale()) {
      case LINEAR -> x;
      case LOG2 -> Math.log(Math.max(x, 1e-9)) / Math.log(2);
      case PERCENTILE -> Math.log10(100 / Math.max(100 - x, 1e-4));
    };
  }

  private double xPos(double x) {
    double span = xMax - xMin;
    double pad = width * 0.04;
    return span == 0
        ? left + width / 2
        : left + pad + (scaleX(x) - xMin) / span * (width - 2 * pad);
  }
}
