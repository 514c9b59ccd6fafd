/**
 * POST /invocations with the job's timeout and retries: backoff with seeded jitter, restarts of
 * dead servers.
 */
package io.batchserve.transform.invoke;
