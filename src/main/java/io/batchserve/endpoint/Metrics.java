package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import java.util.Locale;

/**
 * What a user of an endpoint watches, at one moment: the backlog metrics SageMaker emits to
 * CloudWatch for an asynchronous endpoint ({@code ApproximateBacklogSize}, {@code
 * ApproximateBacklogSizePerInstance}, {@code HasBacklogWithoutCapacity}, {@code
 * ApproximateAgeOfOldestRequest}) and the instance count, with this run's totals.
 *
 * @param backlog requests queued or being processed
 * @param perInstance backlog over instances, or NaN at zero instances (the service emits none then)
 * @param instanceSeconds every instance's time from launch to stop (or now), as billed
 */
record Metrics(
    String endpoint,
    long backlog,
    double perInstance,
    boolean backlogWithoutCapacity,
    long oldestAgeSeconds,
    int instances,
    int stopping,
    long accepted,
    long completed,
    long failed,
    double instanceSeconds,
    int peakInstances,
    int scalingActions) {

  static Metrics of(String endpoint, AsyncRuntime async, Fleet fleet) {
    long backlog = async == null ? 0 : async.backlog();
    int instances = fleet.size();
    AsyncRuntime.Counts counts = async == null ? new AsyncRuntime.Counts(0, 0, 0) : async.counts();
    return new Metrics(
        endpoint,
        backlog,
        instances == 0 ? Double.NaN : (double) backlog / instances,
        backlog > 0 && instances == 0,
        async == null ? 0 : async.oldestAgeSeconds(),
        instances,
        fleet.stopping(),
        counts.accepted(),
        counts.completed(),
        counts.failed(),
        fleet.instanceSeconds(),
        fleet.peak(),
        fleet.actions());
  }

  /** The JSON {@code GET /metrics} answers; CloudWatch's names for the metrics it has. */
  String json() {
    ObjectNode node = Json.MAPPER.createObjectNode().put("EndpointName", endpoint);
    node.put("ApproximateBacklogSize", backlog);
    if (!Double.isNaN(perInstance)) {
      node.put("ApproximateBacklogSizePerInstance", perInstance);
    }
    node.put("HasBacklogWithoutCapacity", backlogWithoutCapacity ? 1 : 0);
    node.put("ApproximateAgeOfOldestRequest", oldestAgeSeconds);
    node.put("InstanceCount", instances).put("InstancesStopping", stopping);
    node.put("RequestsAccepted", accepted).put("RequestsCompleted", completed);
    node.put("RequestsFailed", failed).put("InstanceSeconds", instanceSeconds);
    node.put("PeakInstanceCount", peakInstances).put("ScalingActions", scalingActions);
    return node.toString();
  }

  /** The periodic console line: what changes from minute to minute. */
  String line() {
    return String.format(
        Locale.ROOT,
        "backlog %d (%s per instance), without capacity %d, oldest %d s, instances %d%s;"
            + " completed %d, failed %d",
        backlog,
        Double.isNaN(perInstance) ? "-" : String.format(Locale.ROOT, "%.1f", perInstance),
        backlogWithoutCapacity ? 1 : 0,
        oldestAgeSeconds,
        instances,
        stopping > 0 ? " (+" + stopping + " stopping)" : "",
        completed,
        failed);
  }

  /** The run summary printed when the endpoint stops. */
  String summary(double seconds) {
    return String.format(
        Locale.ROOT,
        "endpoint %s ran %.0f s: %d request(s) accepted, %d completed, %d failed, %d left in the"
            + " journal; instances: peak %d, %d scaling action(s), %.3f instance-hours",
        endpoint,
        seconds,
        accepted,
        completed,
        failed,
        backlog,
        peakInstances,
        scalingActions,
        instanceSeconds / 3600);
  }
}
