package io.batchserve.loadtest.plan;

import io.batchserve.loadtest.report.Chart;
import io.batchserve.loadtest.report.Charts;
import io.batchserve.loadtest.report.Html;
import io.batchserve.loadtest.report.JsonFiles;
import io.batchserve.loadtest.report.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A plan as a terminal table, and as {@code NAME.json}, a self-contained {@code NAME.html} and
 * {@code NAME.png}.
 */
public final class PlanReport {
  static final List<String> HEADERS =
      List.of(
          "instances",
          "busy",
          "wall-clock",
          "batch $/run",
          "batch $/week",
          "async $/run",
          "async $/week");
  private static final int[] WIDTHS = {9, 5, 11, 12, 13, 12, 13};

  private PlanReport() {}

  public static String text(Plan plan) {
    TextTable table = new TextTable(WIDTHS);
    StringBuilder text = new StringBuilder();
    text.append(table.row(HEADERS)).append('\n').append(table.rule()).append('\n');
    TimeUnit unit = TimeUnit.of(plan);
    plan.rows().forEach(row -> text.append(table.row(cells(row, unit))).append('\n'));
    text.append('\n')
        .append(endpointLine(plan))
        .append("\nAssumptions (prices: ")
        .append(plan.priceSource())
        .append("):\n");
    plan.notes().forEach(note -> text.append("  - ").append(note).append('\n'));
    return text.toString().stripTrailing();
  }

  /**
   * @param speed where the per-instance records/s came from
   */
  public static List<Path> write(
      Plan plan, String title, String speed, String command, Path directory, String name)
      throws IOException {
    Path json = directory.resolve(name + ".json");
    Path html = directory.resolve(name + ".html");
    Path png = directory.resolve(name + ".png");
    JsonFiles.write(plan, json);
    List<Chart> charts = charts(plan, title + "; speed: " + speed);
    TimeUnit unit = TimeUnit.of(plan);
    Html page =
        new Html(title)
            .paragraph("Speed per instance: " + speed + ".")
            .paragraph(plan.notes().get(0))
            .charts(charts)
            .table(HEADERS, plan.rows().stream().map(row -> cells(row, unit)).toList())
            .paragraph(endpointLine(plan))
            .heading(2, "Assumptions")
            .list(plan.notes())
            .paragraph(
                "Prices: "
                    + plan.priceSource()
                    + " (example numbers; edit a copy and pass --prices).")
            .heading(2, "Command")
            .code(command);
    Files.writeString(html, page.page());
    Charts.writePng(charts, 2, png);
    return List.of(json, html, png);
  }

  /**
   * Cost and wall-clock per run against the number of instances. The cost axis is logarithmic when
   * the lines differ by more than 10x (a batch run is often 100x cheaper than a week of an
   * always-on endpoint), so that every line stays readable; time is in the table's unit.
   *
   * @param on what the plan is for, for the subtitle
   */
  static List<Chart> charts(Plan plan, String on) {
    var endpoint = plan.endpoint();
    String endpointName = "real-time, " + endpoint.instances() + " always on";
    Chart cost =
        new Chart(
                "Cost per run, USD",
                "Batch Transform instances",
                "USD per run",
                false,
                List.of(
                    series("Batch Transform", plan, Plan.Row::batchCost),
                    series("async, scale to zero", plan, Plan.Row::asyncCost),
                    series(endpointName + " (week / runs)", plan, row -> endpoint.costPerRun())))
            .withSubtitle(on);
    if (spread(cost) > 10) {
      cost = cost.withLogY();
    }
    TimeUnit unit = TimeUnit.of(plan);
    Chart time =
        new Chart(
                "Wall-clock per run, " + unit.label(),
                "Batch Transform instances",
                "wall-clock per run (" + unit.label() + ")",
                false,
                List.of(
                    series("Batch Transform", plan, row -> unit.of(row.wallSeconds())),
                    series(endpointName, plan, row -> unit.of(endpoint.runSeconds()))))
            .withSubtitle(on);
    return List.of(cost, time);
  }

  /** Highest over lowest positive value of a chart. */
  private static double spread(Chart chart) {
    double max =
        chart.series().stream()
            .flatMap(s -> s.points().stream())
            .mapToDouble(Chart.Point::y)
            .max()
            .orElse(0);
    double min =
        chart.series().stream()
            .flatMap(s -> s.points().stream())
            .mapToDouble(Chart.Point::y)
            .filter(y -> y > 0)
            .min()
            .orElse(max);
    return min > 0 ? max / min : 1;
  }

  /** One unit for every time of a plan, chosen by the longest: seconds, minutes or hours. */
  record TimeUnit(String label, double seconds) {
    static TimeUnit of(Plan plan) {
      double longest =
          Math.max(
              plan.endpoint().runSeconds(),
              plan.rows().stream().mapToDouble(Plan.Row::wallSeconds).max().orElse(0));
      return longest >= 3600
          ? new TimeUnit("h", 3600)
          : longest >= 60 ? new TimeUnit("min", 60) : new TimeUnit("s", 1);
    }

    double of(double value) {
      return value / seconds;
    }

    String format(double value) {
      return String.format(
          Locale.ROOT,
          seconds == 1 ? "%.0f %s" : seconds == 60 ? "%.1f %s" : "%.2f %s",
          of(value),
          label);
    }
  }

  private static Chart.Series series(String name, Plan plan, ToDoubleFunction<Plan.Row> y) {
    List<Chart.Point> points = new ArrayList<>();
    plan.rows().forEach(row -> points.add(new Chart.Point(row.instances(), y.applyAsDouble(row))));
    return new Chart.Series(name, points);
  }

  static List<String> cells(Plan.Row row, TimeUnit unit) {
    return List.of(
        Integer.toString(row.instances()),
        Integer.toString(row.busyInstances()),
        unit.format(row.wallSeconds()),
        usd(row.batchCost()),
        usd(row.batchCostPerWeek()),
        usd(row.asyncCost()),
        usd(row.asyncCostPerWeek()));
  }

  static String endpointLine(Plan plan) {
    var e = plan.endpoint();
    String keepUp =
        e.busyFraction() > 1
            ? " (it cannot keep up: the runs need "
                + String.format(Locale.ROOT, "%.0f", e.busyFraction() * 100)
                + " % of the week)"
            : String.format(Locale.ROOT, " (busy %.1f %% of the week)", e.busyFraction() * 100);
    return "Always-on real-time endpoint, "
        + e.instances()
        + " x "
        + plan.input().price().type()
        + ": "
        + usd(e.costPerWeek())
        + " a week, "
        + usd(e.costPerMonth())
        + " a month; a run takes "
        + duration(e.runSeconds())
        + " on it"
        + keepUp
        + "; "
        + usd(e.costPerRun())
        + " per run at "
        + Planner.trim(plan.input().runsPerWeek())
        + " run(s) a week.";
  }

  static String usd(double amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount);
  }

  /** {@code 42 s}, {@code 17.5 min}, {@code 10.42 h}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    return seconds < 3600
        ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
        : String.format(Locale.ROOT, "%.2f h", seconds / 3600);
  }
}
