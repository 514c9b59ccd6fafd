package io.batchserve.loadtest.plan;

import java.util.List;

/**
 * What a plan is computed from.
 *
 * @param records records per run
 * @param recordsPerSecond what one instance processes per second (measured by {@code loadtest}, or
 *     typed in)
 * @param instanceCounts the Batch Transform instance counts to compare
 * @param coldStartSeconds time from job start to the first record processed (instances, image,
 *     model); billed
 * @param files input objects per run; 0 when there are always enough to keep every instance busy.
 *     Batch Transform gives each object to one instance, so the busiest instance has {@code
 *     ceil(files / instances)} of them.
 * @param runsPerWeek how often the job runs, to compare with an endpoint that is up all week
 * @param endpointInstances instances of the always-on real-time endpoint
 * @param asyncScaleInSeconds how long a scale-to-zero endpoint keeps its instances after the work
 *     is done
 */
public record PlanInput(
    long records,
    double recordsPerSecond,
    InstancePrice price,
    List<Integer> instanceCounts,
    double coldStartSeconds,
    int files,
    double runsPerWeek,
    int endpointInstances,
    double asyncScaleInSeconds) {
  public PlanInput {
    instanceCounts = List.copyOf(instanceCounts);
    require(records >= 1, "records < 1: " + records);
    require(recordsPerSecond > 0, "records per second must be above 0: " + recordsPerSecond);
    require(!instanceCounts.isEmpty(), "no instance counts");
    require(
        instanceCounts.stream().allMatch(n -> n >= 1 && n <= 100),
        "instance counts must be 1..100 (the Batch Transform limit): " + instanceCounts);
    require(coldStartSeconds >= 0 && asyncScaleInSeconds >= 0, "durations must not be negative");
    require(files >= 0, "files < 0: " + files);
    require(runsPerWeek > 0, "runs per week must be above 0: " + runsPerWeek);
    require(endpointInstances >= 1, "endpoint instances < 1: " + endpointInstances);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
