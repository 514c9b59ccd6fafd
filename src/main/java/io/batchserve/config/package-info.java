/**
 * Immutable settings built once at start-up from command-line flags and the environment; the
 * translation of SageMaker's environment variables lives here and nowhere else.
 */
package io.batchserve.config;
