/**
 * The local Batch Transform harness: runs a CreateTransformJob definition against this container
 * over HTTP only, the way the managed service does (splitting, packing, concurrency, retries,
 * DataProcessing, output assembly). It never imports the server's worker or model packages.
 */
package io.batchserve.transform;
