package io.batchserve.loadtest.plan;

import java.util.List;

/**
 * The computed plan: one row per Batch Transform instance count, the always-on endpoint, and the
 * assumptions.
 */
public record Plan(
    PlanInput input, String priceSource, List<Row> rows, Endpoint endpoint, List<String> notes) {
  public Plan {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /**
   * One instance count.
   *
   * @param busyInstances instances that get work (fewer than {@code instances} when there are fewer
   *     input files)
   * @param processingSeconds the busiest instance's time on records, cold start excluded
   * @param wallSeconds cold start plus processing: how long a run takes
   * @param batchCost Batch Transform: every instance billed for the whole wall-clock time
   * @param asyncCost scale-to-zero async endpoint: the same instances billed for cold start,
   *     processing and scale-in
   */
  public record Row(
      int instances,
      int busyInstances,
      double processingSeconds,
      double wallSeconds,
      double batchCost,
      double batchCostPerWeek,
      double asyncCost,
      double asyncCostPerWeek) {}

  /**
   * The always-on real-time endpoint: billed every hour of the week whether it works or not.
   *
   * @param runSeconds how long one run's records take on it (no cold start: it is already up)
   * @param costPerRun the week's bill shared among the week's runs
   * @param busyFraction the share of the week it spends on the runs; above 1 it cannot keep up
   */
  public record Endpoint(
      int instances,
      double costPerWeek,
      double costPerMonth,
      double runSeconds,
      double costPerRun,
      double busyFraction) {}
}
