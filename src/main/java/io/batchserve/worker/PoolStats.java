package io.batchserve.worker;

/**
 * What a worker pool has done since it started: predictions run (each one native call for a tabular
 * model), requests and records in them, and the time workers spent predicting. Subtract two
 * snapshots for an interval.
 */
public record PoolStats(long predictions, long requests, long records, long busyNanos) {
  public static final PoolStats ZERO = new PoolStats(0, 0, 0, 0);

  public PoolStats minus(PoolStats earlier) {
    return new PoolStats(
        predictions - earlier.predictions,
        requests - earlier.requests,
        records - earlier.records,
        busyNanos - earlier.busyNanos);
  }
}
