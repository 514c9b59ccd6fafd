/**
 * The HTTP side of the SageMaker container contract: Javalin wiring, {@code /ping}, {@code
 * /invocations}, {@code /execution-parameters}, request routing to models, and the one table from
 * exceptions to status codes.
 */
package io.batchserve.http;
