package io.batchserve.loadtest.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.loadtest.report.Chart;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReportTest {
  private static final InstancePrice M5_XL = PriceTable.bundled().find("ml.m5.xlarge");

  private static Plan plan(long records, double perSecond, double runsPerWeek) {
    return Planner.plan(
        new PlanInput(records, perSecond, M5_XL, List.of(1, 2, 5, 10), 300, 0, runsPerWeek, 1, 900),
        "test");
  }

  @Test
  void charts_batchFarCheaperThanAlwaysOn_costAxisIsLogarithmic() {
    // 3.6M records at 2,000/s: a 35-minute run once a week against a week of an always-on endpoint.
    List<Chart> charts =
        PlanReport.charts(plan(3_600_000, 2000, 1), "Plan: 3,600,000 records on ml.m5.xlarge");

    Chart cost = charts.get(0);
    assertTrue(cost.logY(), "batch is over 10x cheaper than the endpoint's share");
    assertEquals("Plan: 3,600,000 records on ml.m5.xlarge", cost.subtitle());
    Chart time = charts.get(1);
    assertEquals("wall-clock per run (min)", time.yLabel(), "the table's unit");
    assertEquals(35, time.series().get(0).points().get(0).y(), 0.01);
    assertTrue(PlanReport.text(plan(3_600_000, 2000, 1)).contains("35.0 min"));
  }

  @Test
  void charts_costsClose_linearAxisAndHours() {
    List<Chart> charts = PlanReport.charts(plan(500_000_000, 2000, 7), "p");

    assertFalse(charts.get(0).logY(), PlanReport.text(plan(500_000_000, 2000, 7)));
    assertEquals("wall-clock per run (h)", charts.get(1).yLabel());
  }
}
