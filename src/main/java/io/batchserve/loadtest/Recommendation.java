package io.batchserve.loadtest;

import java.util.List;

/**
 * The job settings the load test recommends, and why. When no setting qualifies, {@code found} is false and the
 * reasons say what ruled each one out.
 *
 * @param recordsPerSecond what the recommended setting measured on this server: the per-instance rate to plan with
 */
record Recommendation(boolean found, String batchStrategy, int maxConcurrentTransforms, int maxPayloadInMB,
    double recordsPerSecond, double p99Ms, List<String> reasons) {
  static Recommendation none(List<String> reasons) {
    return new Recommendation(false, null, 0, 0, 0, 0, List.copyOf(reasons));
  }
}
