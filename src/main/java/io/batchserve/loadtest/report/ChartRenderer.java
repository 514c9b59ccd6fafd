package io.batchserve.loadtest.report;

import java.util.List;
import java.util.TreeSet;

/** Lays a chart out in a box of a canvas: title, legend, grid, axes with ticks and labels, then the lines. */
final class ChartRenderer {
  static final String[] COLORS = {"#1f6fb4", "#e0711a", "#2a9d3c", "#c6282b", "#7b55b0", "#8c564b", "#d4529c"};
  private static final double LEFT = 72;
  private static final double RIGHT = 24;
  private static final double TOP = 58;
  private static final double BOTTOM = 52;

  private final Chart chart;
  private final Canvas canvas;
  private final double left;
  private final double top;
  private final double width;
  private final double height;
  private final double xMin;
  private final double xMax;
  private final double yMax;

  private ChartRenderer(Chart chart, Canvas canvas, double x, double y, double boxWidth, double boxHeight) {
    this.chart = chart;
    this.canvas = canvas;
    this.left = x + LEFT;
    this.top = y + TOP;
    this.width = boxWidth - LEFT - RIGHT;
    this.height = boxHeight - TOP - BOTTOM;
    TreeSet<Double> xs = xValues();
    this.xMin = xs.isEmpty() ? 0 : scaleX(xs.first());
    this.xMax = xs.isEmpty() ? 1 : scaleX(xs.last());
    double highest = chart.series().stream().flatMap(s -> s.points().stream())
        .mapToDouble(Chart.Point::y).max().orElse(1);
    this.yMax = Ticks.niceCeiling(highest > 0 ? highest * 1.05 : 1);
  }

  /** Draws {@code chart} into the box at (x, y) of the given size. */
  static void draw(Chart chart, Canvas canvas, double x, double y, double width, double height) {
    new ChartRenderer(chart, canvas, x, y, width, height).draw(x, y, width);
  }

  private void draw(double boxX, double boxY, double boxWidth) {
    canvas.text(boxX + boxWidth / 2, boxY + 20, chart.title(), 15, Canvas.Anchor.MIDDLE, true, false);
    legend(boxY + 40);
    yAxis();
    xAxis();
    if (chart.empty()) {
      canvas.text(left + width / 2, top + height / 2, "no data", 13, Canvas.Anchor.MIDDLE, false, false);
    }
    for (int i = 0; i < chart.series().size(); i++) {
      series(chart.series().get(i), COLORS[i % COLORS.length]);
    }
  }

  private void legend(double y) {
    double x = left;
    for (int i = 0; i < chart.series().size(); i++) {
      String name = chart.series().get(i).name();
      canvas.rect(x, y - 9, 14, 4, COLORS[i % COLORS.length]);
      canvas.text(x + 19, y - 3, name, 12, Canvas.Anchor.START, false, false);
      x += 19 + name.length() * 7.2 + 18;
    }
  }

  private void yAxis() {
    for (double tick : Ticks.steps(yMax)) {
      double y = yPos(tick);
      canvas.line(left, y, left + width, y, tick == 0 ? "#444444" : "#dddddd", 1);
      canvas.text(left - 6, y + 4, Ticks.label(tick, yMax), 11, Canvas.Anchor.END, false, false);
    }
    canvas.text(left - 54, top + height / 2, chart.yLabel(), 12, Canvas.Anchor.MIDDLE, false, true);
  }

  private void xAxis() {
    canvas.line(left, top, left, top + height, "#444444", 1);
    List<Double> ticks = xValues().size() <= 16 ? List.copyOf(xValues()) : Ticks.linear(xMin, xMax);
    for (double tick : ticks) {
      double x = xPos(tick);
      canvas.line(x, top + height, x, top + height + 4, "#444444", 1);
      canvas.text(x, top + height + 18, Ticks.label(tick, xMaxValue()), 11, Canvas.Anchor.MIDDLE, false, false);
    }
    canvas.text(left + width / 2, top + height + 40, chart.xLabel(), 12, Canvas.Anchor.MIDDLE, false, false);
  }

  private void series(Chart.Series series, String color) {
    int n = series.points().size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = xPos(series.points().get(i).x());
      ys[i] = yPos(series.points().get(i).y());
    }
    if (n > 1) {
      canvas.polyline(xs, ys, color, 2.2);
    }
    for (int i = 0; i < n; i++) {
      canvas.dot(xs[i], ys[i], 3.5, color);
    }
  }

  private double xMaxValue() {
    return xValues().isEmpty() ? 1 : xValues().last();
  }

  private TreeSet<Double> xValues() {
    TreeSet<Double> xs = new TreeSet<>();
    chart.series().forEach(s -> s.points().forEach(p -> xs.add(p.x())));
    return xs;
  }

  private double scaleX(double x) {
    return chart.logX() ? Math.log(Math.max(x, 1e-9)) / Math.log(2) : x;
  }

  private double xPos(double x) {
    double span = xMax - xMin;
    double pad = width * 0.04;
    return span == 0 ? left + width / 2 : left + pad + (scaleX(x) - xMin) / span * (width - 2 * pad);
  }

  private double yPos(double y) {
    return top + height - Math.max(0, y) / yMax * height;
  }
}
