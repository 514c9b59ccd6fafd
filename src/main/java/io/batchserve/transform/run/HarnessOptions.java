package io.batchserve.transform.run;

import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.report.Progress;
import io.batchserve.transform.source.Stores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the harness needs beyond the job definition: where the servers come from, the choices the service leaves
 * unconfirmed, and how to report.
 *
 * @param server how to start child servers (ignored when {@code endpoints} is not empty)
 * @param endpoints running servers to use instead of children
 * @param bytesPerMb 1,048,576 (default) or 1,000,000: the MB of MaxPayloadInMB when packing
 * @param retryClientErrors retry 4xx answers like 5xx ones
 * @param retryAfterLimit the longest wait a {@code Retry-After} header may ask for before a retry (zero: ignore it)
 * @param alwaysNewline with AssembleWith Line, add a newline after every response even when it ends with one
 * @param sliceEnd whether the end of a JSONPath slice is included
 * @param logDir where child logs go (null: beside job.json for a local output, else a temporary folder)
 */
public record HarnessOptions(ServerCommand server, List<URI> endpoints, Stores.S3Settings s3, long bytesPerMb,
    boolean retryClientErrors, Duration retryAfterLimit, boolean alwaysNewline, SliceEnd sliceEnd, boolean skipExisting,
    Duration startupLimit, int maxRestarts, long seed, Progress.Mode progress, Path logDir) {

  public static final long MEGABYTE = 1_000_000;

  public HarnessOptions {
    endpoints = List.copyOf(endpoints);
  }
}
