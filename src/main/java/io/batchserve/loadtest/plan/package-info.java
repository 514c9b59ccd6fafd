/**
 * The plan: from a record count, a per-instance records/s and an instance price table, the
 * wall-clock time and cost of a Batch Transform run for a range of instance counts, against an
 * always-on real-time endpoint and a scale-to-zero asynchronous endpoint.
 */
package io.batchserve.loadtest.plan;
