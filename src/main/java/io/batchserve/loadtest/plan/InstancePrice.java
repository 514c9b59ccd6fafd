package io.batchserve.loadtest.plan;

/**
 * One row of the price table: an instance type and its USD per instance-hour for each way of
 * running it.
 */
public record InstancePrice(
    String type,
    int vcpu,
    double memoryGib,
    double batchPerHour,
    double realtimePerHour,
    double asyncPerHour) {
  public InstancePrice {
    if (vcpu < 1 || memoryGib <= 0 || batchPerHour < 0 || realtimePerHour < 0 || asyncPerHour < 0) {
      throw new IllegalArgumentException("implausible price row for " + type);
    }
  }
}
