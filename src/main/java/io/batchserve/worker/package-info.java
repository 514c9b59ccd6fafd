/**
 * The bounded worker pool: admission without blocking, batching of queued requests per model into
 * one prediction, deadlines and draining on shutdown. Imports models, never HTTP.
 */
package io.batchserve.worker;
