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

/** A plan as a terminal table, and as {@code NAME.json}, a self-contained {@code NAME.html} and {@code NAME.png}. */
public final class PlanReport {
  static final List<String> HEADERS = List.of("instances", "busy", "wall-clock", "batch $/run", "batch $/week",
      "async $/run", "async $/week");
  private static final int[] WIDTHS = {9, 5, 11, 12, 13, 12, 13};

  private PlanReport() {}

  public static String text(Plan plan) {
    TextTable table = new TextTable(WIDTHS);
    StringBuilder text = new StringBuilder();
    text.append(table.row(HEADERS)).append('\n').append(table.rule()).append('\n');
    plan.rows().forEach(row -> text.append(table.row(cells(row))).append('\n'));
    text.append('\n').append(endpointLine(plan)).append("\nAssumptions (prices: ").append(plan.priceSource())
        .append("):\n");
    plan.notes().forEach(note -> text.append("  - ").append(note).append('\n'));
    return text.toString().stripTrailing();
  }

  /** @param speed where the per-instance records/s came from */
  public static List<Path> write(Plan plan, String title, String speed, String command, Path directory, String name)
      throws IOException {
    Path json = directory.resolve(name + ".json");
    Path html = directory.resolve(name + ".html");
    Path png = directory.resolve(name + ".png");
    JsonFiles.write(plan, json);
    List<Chart> charts = charts(plan);
    Html page = new Html(title).paragraph("Speed per instance: " + speed + ".").paragraph(plan.notes().get(0))
        .charts(charts)
        .table(HEADERS, plan.rows().stream().map(PlanReport::cells).toList())
        .paragraph(endpointLine(plan)).heading(2, "Assumptions").list(plan.notes())
        .paragraph("Prices: " + plan.priceSource() + " (example numbers; edit a copy and pass --prices).")
        .heading(2, "Command").code(command);
    Files.writeString(html, page.page());
    Charts.writePng(charts, 2, png);
    return List.of(json, html, png);
  }

  static List<Chart> charts(Plan plan) {
    var endpoint = plan.endpoint();
    String endpointName = "real-time, " + endpoint.instances() + " always on";
    Chart cost = new Chart("Cost per run", "Batch Transform instances", "USD per run", false, List.of(
        series("Batch Transform", plan, Plan.Row::batchCost),
        series("async, scale to zero", plan, Plan.Row::asyncCost),
        series(endpointName + " (week / runs)", plan, row -> endpoint.costPerRun())));
    Chart time = new Chart("Wall-clock per run", "Batch Transform instances", "hours", false, List.of(
        series("Batch Transform", plan, row -> Planner.hours(row.wallSeconds())),
        series(endpointName, plan, row -> Planner.hours(endpoint.runSeconds()))));
    return List.of(cost, time);
  }

  private static Chart.Series series(String name, Plan plan, ToDoubleFunction<Plan.Row> y) {
    List<Chart.Point> points = new ArrayList<>();
    plan.rows().forEach(row -> points.add(new Chart.Point(row.instances(), y.applyAsDouble(row))));
    return new Chart.Series(name, points);
  }

  static List<String> cells(Plan.Row row) {
    return List.of(Integer.toString(row.instances()), Integer.toString(row.busyInstances()),
        duration(row.wallSeconds()), usd(row.batchCost()), usd(row.batchCostPerWeek()), usd(row.asyncCost()),
        usd(row.asyncCostPerWeek()));
  }

  static String endpointLine(Plan plan) {
    var e = plan.endpoint();
    String keepUp = e.busyFraction() > 1 ? " (it cannot keep up: the runs need "
        + String.format(Locale.ROOT, "%.0f", e.busyFraction() * 100) + " % of the week)"
        : String.format(Locale.ROOT, " (busy %.1f %% of the week)", e.busyFraction() * 100);
    return "Always-on real-time endpoint, " + e.instances() + " x " + plan.input().price().type() + ": "
        + usd(e.costPerWeek()) + " a week, " + usd(e.costPerMonth()) + " a month; a run takes "
        + duration(e.runSeconds()) + " on it" + keepUp + "; " + usd(e.costPerRun()) + " per run at "
        + Planner.trim(plan.input().runsPerWeek()) + " run(s) a week.";
  }

  static String usd(double amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount);
  }

  /** {@code 42 s}, {@code 17.5 min}, {@code 10.42 h}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    return seconds < 3600 ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
        : String.format(Locale.ROOT, "%.2f h", seconds / 3600);
  }
}
