/**
 * Where inputs come from and outputs go: local folders and files, or S3 (and S3-compatible stores).
 */
package io.batchserve.transform.source;
