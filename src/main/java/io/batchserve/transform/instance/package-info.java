/**
 * The servers a job runs on: child processes of this jar that the harness starts and restarts, or
 * given URLs.
 */
package io.batchserve.transform.instance;
