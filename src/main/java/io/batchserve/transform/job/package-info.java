/**
 * The job definition: the CreateTransformJob request as a file, flags that override it, and its
 * validation.
 */
package io.batchserve.transform.job;
