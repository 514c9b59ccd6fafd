package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An asynchronous endpoint's scaling, as users register it with Application Auto Scaling: a
 * RegisterScalableTarget request (min and max capacity), a target-tracking PutScalingPolicy request
 * on {@code ApproximateBacklogSizePerInstance} (its target value and cooldowns) and, optionally,
 * the step-scaling PutScalingPolicy that SageMaker's documentation pairs with a {@code
 * HasBacklogWithoutCapacity} alarm to scale out from zero. Each file is read as-is, the JSON given
 * to {@code aws application-autoscaling ... --cli-input-json}.
 *
 * @param min {@code MinCapacity}: 0 lets the endpoint scale to zero
 * @param max {@code MaxCapacity}
 * @param target {@code TargetValue}: the backlog per instance to hold
 * @param scaleOutCooldown {@code ScaleOutCooldown}
 * @param scaleInCooldown {@code ScaleInCooldown}
 * @param fromZero the step policy's {@code ScalingAdjustment} from zero, 0 without one
 * @param fromZeroCooldown the step policy's {@code Cooldown}
 */
public record ScalingPolicy(
    int min,
    int max,
    double target,
    Duration scaleOutCooldown,
    Duration scaleInCooldown,
    int fromZero,
    Duration fromZeroCooldown) {
  public ScalingPolicy {
    require(min >= 0, "MinCapacity: " + min + ", must be at least 0");
    require(
        max >= Math.max(1, min), "MaxCapacity: " + max + ", must be at least 1 and MinCapacity");
    require(target > 0, "TargetValue: " + target + ", must be positive");
    require(fromZero >= 0, "ScalingAdjustment: " + fromZero + ", must not be negative");
  }

  /**
   * Reads the scalable target and the policies (target tracking required, step scaling optional).
   *
   * @throws IllegalArgumentException naming the file and the field that is wrong
   */
  public static ScalingPolicy read(Path scalableTarget, List<Path> policies) throws IOException {
    JsonNode target = json(scalableTarget);
    JsonNode tracking = null;
    JsonNode step = null;
    for (Path file : policies) {
      JsonNode policy = json(file);
      String type = policy.path("PolicyType").asText("");
      if (type.equals("TargetTrackingScaling")) {
        tracking = policy.path("TargetTrackingScalingPolicyConfiguration");
        checkMetric(file, tracking);
      } else if (type.equals("StepScaling")) {
        step = policy.path("StepScalingPolicyConfiguration");
      } else {
        throw new IllegalArgumentException(
            file + ": PolicyType '" + type + "', expected TargetTrackingScaling or StepScaling");
      }
    }
    if (tracking == null) {
      throw new IllegalArgumentException(
          "no TargetTrackingScaling policy among " + policies + ": the endpoint scales on one");
    }
    try {
      return new ScalingPolicy(
          target.path("MinCapacity").asInt(-1),
          target.path("MaxCapacity").asInt(-1),
          tracking.path("TargetValue").asDouble(0),
          Duration.ofSeconds(tracking.path("ScaleOutCooldown").asLong(300)),
          Duration.ofSeconds(tracking.path("ScaleInCooldown").asLong(300)),
          step == null ? 0 : stepFromZero(step),
          Duration.ofSeconds(step == null ? 0 : step.path("Cooldown").asLong(300)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          scalableTarget + " and " + policies + ": " + e.getMessage(), e);
    }
  }

  /** The adjustment of the step whose interval starts at 0 (a backlog without capacity: 1). */
  private static int stepFromZero(JsonNode step) {
    for (JsonNode adjustment : step.path("StepAdjustments")) {
      if (adjustment.path("MetricIntervalLowerBound").asDouble(0) <= 0) {
        return adjustment.path("ScalingAdjustment").asInt(0);
      }
    }
    return 0;
  }

  private static void checkMetric(Path file, JsonNode tracking) {
    JsonNode metric = tracking.path("CustomizedMetricSpecification");
    String name = metric.path("MetricName").asText("");
    if (!name.equals("ApproximateBacklogSizePerInstance")) {
      throw new IllegalArgumentException(
          file
              + ": CustomizedMetricSpecification.MetricName '"
              + name
              + "': the local endpoint tracks ApproximateBacklogSizePerInstance, as SageMaker's"
              + " asynchronous inference guide does");
    }
  }

  private static JsonNode json(Path file) throws IOException {
    try {
      return Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a JSON document: " + e.getMessage(), e);
    }
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
