package io.batchserve.loadtest;

import java.util.List;

/**
 * The job settings the load test recommends, and why. When no setting qualifies, {@code found} is
 * false and the reasons say what ruled each one out.
 *
 * @param recordsPerSecond what the recommended setting measured on this server: the per-instance
 *     rate to plan with
 * @param cautions why the numbers behind it may not hold (repetitions that disagree, a busy
 *     machine); empty when nothing was seen
 */
record Recommendation(
    boolean found,
    String batchStrategy,
    int maxConcurrentTransforms,
    int maxPayloadInMB,
    double recordsPerSecond,
    double p99Ms,
    List<String> reasons,
    List<String> cautions) {
  Recommendation {
    reasons = List.copyOf(reasons);
    cautions = List.copyOf(cautions);
  }

  static Recommendation none(List<String> reasons) {
    return new Recommendation(false, null, 0, 0, 0, 0, reasons, List.of());
  }

  Recommendation withCautions(List<String> found) {
    return new Recommendation(
        this.found,
        batchStrategy,
        maxConcurrentTransforms,
        maxPayloadInMB,
        recordsPerSecond,
        p99Ms,
        reasons,
        found);
  }
}
