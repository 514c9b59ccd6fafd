package io.batchserve.loadtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart's y axis: linear from 0 to a round maximum in five steps, or base-10 logarithmic between
 * the powers of ten around the data (for values that differ by orders of magnitude, such as a batch
 * job's cost against an always-on endpoint's). Error bars count as data.
 */
record YAxis(boolean log, double min, double max) {
  static YAxis of(Chart chart) {
    double highest = 0;
    double lowestPositive = Double.POSITIVE_INFINITY;
    for (Chart.Series series : chart.series()) {
      for (Chart.Point p : series.points()) {
        for (double v : new double[] {p.y(), p.low(), p.high()}) {
          if (!Double.isNaN(v)) {
            highest = Math.max(highest, v);
            lowestPositive = v > 0 ? Math.min(lowestPositive, v) : lowestPositive;
          }
        }
      }
    }
    if (chart.logY() && lowestPositive < Double.POSITIVE_INFINITY) {
      double min = Math.pow(10, Math.floor(Math.log10(lowestPositive)));
      double max = Math.pow(10, Math.ceil(Math.log10(highest)));
      return new YAxis(true, min, max > min ? max : min * 10);
    }
    return new YAxis(false, 0, Ticks.niceCeiling(highest > 0 ? highest * 1.05 : 1));
  }

  List<Double> ticks() {
    if (!log) {
      return Ticks.steps(max);
    }
    List<Double> ticks = new ArrayList<>();
    for (double tick = min; tick <= max * 1.000001; tick *= 10) {
      ticks.add(tick);
    }
    return ticks;
  }

  String label(double tick) {
    return log ? Ticks.label(tick, tick) : Ticks.label(tick, max);
  }

  /** The pixel row of {@code value} in a plot area starting at {@code top}, {@code height} high. */
  double position(double value, double top, double height) {
    if (log) {
      double at =
          value <= 0
              ? 0
              : (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
      return top + height - Math.max(0, Math.min(1, at)) * height;
    }
    return top + height - Math.max(0, value) / max * height;
  }
}
