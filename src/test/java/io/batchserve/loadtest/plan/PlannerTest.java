package io.batchserve.loadtest.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final InstancePrice M5_4XL = PriceTable.bundled().find("ml.m5.4xlarge");

  private static PlanInput input(
      long records,
      double perSecond,
      List<Integer> instances,
      double coldStart,
      int files,
      double runsPerWeek,
      int endpointInstances,
      double scaleIn) {
    return new PlanInput(
        records,
        perSecond,
        M5_4XL,
        instances,
        coldStart,
        files,
        runsPerWeek,
        endpointInstances,
        scaleIn);
  }

  /**
   * The seed articles' example: 100,000 items at 30 s each, 20 instances with 4 in flight each, is
   * 37,500 s = 10.42 h. At ml.m5.4xlarge's $0.922 an hour that run costs 20 x 10.417 x 0.922 =
   * $192.08 (the articles' ~$195 implies about $0.936 an hour); an endpoint of 3 such instances up
   * all week costs 3 x 168 x 0.922 = $464.69 (~$465).
   */
  @Test
  void plan_seedExample_reproducesTheArithmetic() {
    Plan plan = Planner.plan(input(100_000, 4 / 30.0, List.of(20), 0, 0, 1, 3, 0), "test");

    Plan.Row row = plan.rows().get(0);
    assertEquals(37_500, row.processingSeconds(), 1e-6);
    assertEquals(10.4167, row.wallSeconds() / 3600, 1e-4);
    assertEquals(192.08, row.batchCost(), 0.005);
    assertEquals(row.batchCost(), row.asyncCost(), 1e-9);
    assertEquals(464.69, plan.endpoint().costPerWeek(), 0.005);
    assertEquals(2019.18, plan.endpoint().costPerMonth(), 0.005);
    assertEquals(100_000 / (3 * 4 / 30.0), plan.endpoint().runSeconds(), 1e-6);
  }

  @Test
  void row_coldStartAndScaleIn_areBilledOnEveryInstance() {
    PlanInput input = input(3_600_000, 1000, List.of(2), 360, 0, 7, 1, 900);

    Plan.Row row = Planner.row(input, 2);

    assertEquals(1800, row.processingSeconds(), 1e-9);
    assertEquals(1800 + 360, row.wallSeconds(), 1e-9);
    assertEquals(2 * 0.6 * 0.922, row.batchCost(), 1e-9);
    assertEquals(2 * (0.6 + 0.25) * 0.922, row.asyncCost(), 1e-9);
    assertEquals(7 * row.batchCost(), row.batchCostPerWeek(), 1e-9);
  }

  @Test
  void row_fewerFilesThanInstances_busiestInstanceDecides() {
    // 10 files over 4 instances: the busiest gets 3 files, 30 % of the records.
    Plan.Row four = Planner.row(input(1000, 1, List.of(4), 0, 10, 1, 1, 0), 4);
    Plan.Row twenty = Planner.row(input(1000, 1, List.of(20), 0, 10, 1, 1, 0), 20);

    assertEquals(300, four.processingSeconds(), 1e-9);
    assertEquals(4, four.busyInstances());
    assertEquals(100, twenty.processingSeconds(), 1e-9);
    assertEquals(10, twenty.busyInstances());
    assertEquals(20 * 100 / 3600.0 * 0.922, twenty.batchCost(), 1e-9);
  }

  @Test
  void endpoint_moreWorkThanTheWeekHolds_isBusyOverOne() {
    Plan.Endpoint endpoint = Planner.endpoint(input(100_000, 4 / 30.0, List.of(1), 0, 0, 7, 1, 0));

    assertEquals(750_000 * 7 / (168 * 3600.0), endpoint.busyFraction(), 1e-9);
    assertEquals(endpoint.costPerWeek() / 7, endpoint.costPerRun(), 1e-9);
  }

  @Test
  void input_overOneHundredInstances_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> input(1, 1, List.of(101), 0, 0, 1, 1, 0));
  }
}
