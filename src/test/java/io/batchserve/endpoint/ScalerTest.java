package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.FakeTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalerTest {
  private static final ScalingPolicy POLICY =
      new ScalingPolicy(
          0, 5, 5.0, Duration.ofSeconds(300), Duration.ofSeconds(600), 1, Duration.ofSeconds(60));
  @TempDir Path dir;

  @Test
  void decide_coldStartOutInAndToZero_followTargetAndCooldowns() {
    FakeTicker clock = new FakeTicker();
    Scaler scaler = new Scaler(POLICY, clock);
    assertEquals(0, scaler.decide(0, 0).capacity(), "steady at zero");
    Scaler.Decision cold = scaler.decide(12, 0);
    assertEquals(1, cold.capacity(), cold.reason());
    assertTrue(cold.reason().startsWith("from zero (cold start)"));
    Scaler.Decision out = scaler.decide(12, 1);
    assertEquals(3, out.capacity(), "ceil(12 / 5) at once: no scale-out yet, " + out.reason());
    clock.advanceMillis(10_000);
    assertEquals(3, scaler.decide(40, 3).capacity(), "within the 300 s scale-out cooldown");
    clock.advanceMillis(290_000);
    assertEquals(5, scaler.decide(40, 3).capacity(), "ceil(40 / 5) = 8, capped at MaxCapacity 5");
    clock.advanceMillis(300_000);
    assertEquals(5, scaler.decide(3, 5).capacity(), "scale-in waits 600 s after the last scaling");
    clock.advanceMillis(300_000);
    assertEquals(1, scaler.decide(3, 5).capacity(), "ceil(3 / 5) = 1");
    clock.advanceMillis(600_000);
    Scaler.Decision zero = scaler.decide(0, 1);
    assertEquals(0, zero.capacity());
    assertEquals("to zero: backlog empty", zero.reason());
  }

  @Test
  void decide_justScaledToZero_coldStartsWithoutWaitingForTheScaleIn() {
    FakeTicker clock = new FakeTicker();
    Scaler scaler = new Scaler(POLICY, clock);
    assertEquals(0, scaler.decide(0, 1).capacity(), "to zero");
    clock.advanceMillis(1_000);
    assertEquals(1, scaler.decide(1, 0).capacity(), "a scale-in holds back no scale-out");

    ScalingPolicy quickIn =
        new ScalingPolicy(0, 3, 5.0, Duration.ZERO, Duration.ZERO, 1, Duration.ofSeconds(60));
    Scaler quick = new Scaler(quickIn, clock);
    assertEquals(1, quick.decide(1, 0).capacity());
    clock.advanceMillis(1_000);
    assertEquals(0, quick.decide(0, 1).capacity());
    Scaler.Decision again = quick.decide(1, 0);
    assertEquals(0, again.capacity(), "within the step policy's 60 s since its own scale-out");
    assertTrue(again.reason().contains("step policy's cooldown"), again.reason());
    clock.advanceMillis(59_000);
    assertEquals(1, quick.decide(1, 0).capacity());
  }

  @Test
  void decide_noStepPolicy_staysAtZeroSayingWhy() {
    ScalingPolicy trackingOnly =
        new ScalingPolicy(0, 3, 5.0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    Scaler.Decision decision = new Scaler(trackingOnly, new FakeTicker()).decide(100, 0);
    assertEquals(0, decision.capacity());
    assertTrue(decision.reason().contains("no step scaling policy"), decision.reason());
  }

  @Test
  void decide_minCapacityOne_neverGoesToZero() {
    ScalingPolicy floor =
        new ScalingPolicy(1, 3, 5.0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    assertEquals(1, new Scaler(floor, new FakeTicker()).decide(0, 2).capacity());
  }

  @Test
  void read_theJsonUsersRegister_givesThePolicy() throws Exception {
    Path target =
        Files.writeString(
            dir.resolve("target.json"),
            """
            {"ServiceNamespace": "sagemaker", "ResourceId": "endpoint/churn-async/variant/AllTraffic",
             "ScalableDimension": "sagemaker:variant:DesiredInstanceCount",
             "MinCapacity": 0, "MaxCapacity": 5}
            """);
    Path tracking =
        Files.writeString(
            dir.resolve("tracking.json"),
            """
            {"PolicyName": "Invocations-ScalingPolicy", "ServiceNamespace": "sagemaker",
             "ResourceId": "endpoint/churn-async/variant/AllTraffic",
             "ScalableDimension": "sagemaker:variant:DesiredInstanceCount",
             "PolicyType": "TargetTrackingScaling",
             "TargetTrackingScalingPolicyConfiguration": {
               "TargetValue": 5.0,
               "CustomizedMetricSpecification": {"MetricName": "ApproximateBacklogSizePerInstance",
                 "Namespace": "AWS/SageMaker",
                 "Dimensions": [{"Name": "EndpointName", "Value": "churn-async"}],
                 "Statistic": "Average"},
               "ScaleInCooldown": 600, "ScaleOutCooldown": 300}}
            """);
    Path step =
        Files.writeString(
            dir.resolve("step.json"),
            """
            {"PolicyName": "HasBacklogWithoutCapacity-ScalingPolicy", "ServiceNamespace": "sagemaker",
             "ResourceId": "endpoint/churn-async/variant/AllTraffic",
             "ScalableDimension": "sagemaker:variant:DesiredInstanceCount",
             "PolicyType": "StepScaling",
             "StepScalingPolicyConfiguration": {"AdjustmentType": "ChangeInCapacity",
               "MetricAggregationType": "Average", "Cooldown": 60,
               "StepAdjustments": [{"MetricIntervalLowerBound": 0, "ScalingAdjustment": 1}]}}
            """);
    assertEquals(POLICY, ScalingPolicy.read(target, List.of(tracking, step)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ScalingPolicy.read(target, List.of(step)));
    assertTrue(e.getMessage().contains("no TargetTrackingScaling policy"), e.getMessage());
  }
}
