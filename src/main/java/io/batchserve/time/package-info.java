/**
 * Time, injected: the one {@link io.batchserve.time.Ticker} that every package's timing logic
 * reads.
 */
package io.batchserve.time;
