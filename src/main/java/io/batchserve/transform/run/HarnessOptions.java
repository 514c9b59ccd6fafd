package io.batchserve.transform.run;

import io.batchserve.config.SageMakerLimits;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.report.Progress;
import io.batchserve.transform.source.Stores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the harness needs beyond the job definition: where the servers come from, the choices the
 * service leaves unconfirmed, and how to report.
 *
 * @param server how to start child servers (ignored when {@code endpoints} is not empty)
 * @param endpoints running servers to use instead of children
 * @param bytesPerMb 1,048,576 (default) or 1,000,000: the MB of MaxPayloadInMB when packing
 * @param retryClientErrors retry 4xx answers like 5xx ones
 * @param retryAfterLimit the longest wait a {@code Retry-After} header may ask for before a retry
 *     (zero: ignore it)
 * @param alwaysNewline with AssembleWith Line, add a newline after every response even when it ends
 *     with one
 * @param sliceEnd whether the end of a JSONPath slice is included
 * @param logDir where child logs go (null: beside job.json for a local output, else a temporary
 *     folder)
 */
public record HarnessOptions(
    ServerCommand server,
    List<URI> endpoints,
    Stores.S3Settings s3,
    long bytesPerMb,
    boolean retryClientErrors,
    Duration retryAfterLimit,
    boolean alwaysNewline,
    SliceEnd sliceEnd,
    boolean skipExisting,
    Duration startupLimit,
    int maxRestarts,
    long seed,
    Progress.Mode progress,
    Path logDir) {

  public static final long MEGABYTE = 1_000_000;

  public HarnessOptions {
    endpoints = List.copyOf(endpoints);
  }

  /**
   * Options with the command line's defaults (MiB, no 4xx retries, Retry-After up to 60 s, newline
   * if missing, inclusive slices, 300 s to start, 3 restarts, seed 1, progress auto), for {@code
   * server}.
   */
  public static Builder builder(ServerCommand server) {
    return new Builder(server);
  }

  /**
   * Named settings instead of fourteen positional ones; {@link #build} makes the record. Not
   * thread-safe.
   */
  public static final class Builder {
    private final ServerCommand server;
    private List<URI> endpoints = List.of();
    private Stores.S3Settings s3 = new Stores.S3Settings(null, false, null);
    private long bytesPerMb = SageMakerLimits.MEBIBYTE;
    private boolean retryClientErrors;
    private Duration retryAfterLimit = Duration.ofSeconds(60);
    private boolean alwaysNewline;
    private SliceEnd sliceEnd = SliceEnd.INCLUSIVE;
    private boolean skipExisting;
    private Duration startupLimit = Duration.ofSeconds(300);
    private int maxRestarts = 3;
    private long seed = 1;
    private Progress.Mode progress = Progress.Mode.AUTO;
    private Path logDir;

    private Builder(ServerCommand server) {
      this.server = server;
    }

    public Builder endpoints(List<URI> value) {
      endpoints = value;
      return this;
    }

    public Builder s3(Stores.S3Settings value) {
      s3 = value;
      return this;
    }

    public Builder bytesPerMb(long value) {
      bytesPerMb = value;
      return this;
    }

    public Builder retryClientErrors(boolean value) {
      retryClientErrors = value;
      return this;
    }

    public Builder retryAfterLimit(Duration value) {
      retryAfterLimit = value;
      return this;
    }

    public Builder alwaysNewline(boolean value) {
      alwaysNewline = value;
      return this;
    }

    public Builder sliceEnd(SliceEnd value) {
      sliceEnd = value;
      return this;
    }

    public Builder skipExisting(boolean value) {
      skipExisting = value;
      return this;
    }

    public Builder startupLimit(Duration value) {
      startupLimit = value;
      return this;
    }

    public Builder maxRestarts(int value) {
      maxRestarts = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder progress(Progress.Mode value) {
      progress = value;
      return this;
    }

    public Builder logDir(Path value) {
      logDir = value;
      return this;
    }

    public HarnessOptions build() {
      return new HarnessOptions(
          server,
          endpoints,
          s3,
          bytesPerMb,
          retryClientErrors,
          retryAfterLimit,
          alwaysNewline,
          sliceEnd,
          skipExisting,
          startupLimit,
          maxRestarts,
          seed,
          progress,
          logDir);
    }
  }
}
