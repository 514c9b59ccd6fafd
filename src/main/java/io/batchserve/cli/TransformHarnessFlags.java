package io.batchserve.cli;

import io.batchserve.config.SageMakerLimits;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.report.Progress;
import io.batchserve.transform.run.HarnessOptions;
import io.batchserve.transform.source.Stores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Harness settings that are not CreateTransformJob fields: S3 access and the service's unconfirmed
 * choices.
 */
final class TransformHarnessFlags {
  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "The S3 endpoint, as the AWS CLI's --endpoint-url (S3-compatible stores); implies"
              + " path-style addressing (default: $AWS_ENDPOINT_URL_S3, then $AWS_ENDPOINT_URL, as"
              + " the AWS SDKs read them). Not --endpoint, which names a running container.")
  URI s3Endpoint;

  @Option(names = "--s3-path-style", description = "Path-style S3 addressing.")
  boolean pathStyle;

  @Option(
      names = "--region",
      description = "S3 region (default: the AWS default chain, else us-east-1).")
  String region;

  @Option(
      names = "--payload-unit",
      defaultValue = "MiB",
      converter = Spellings.OfPayloadUnit.class,
      description =
          "What MB means when packing under MaxPayloadInMB: MiB (1,048,576 bytes, default) or MB "
              + "(1,000,000).")
  PayloadUnit payloadUnit;

  @Option(
      names = "--payload-mb",
      hidden = true,
      converter = Spellings.OfPayloadUnit.class,
      description = "The old spelling of --payload-unit.")
  PayloadUnit oldPayloadUnit;

  @Option(
      names = "--retry-client-errors",
      description = "Retry 4xx answers too (default: only 5xx, timeouts and connection errors).")
  boolean retryClientErrors;

  @Option(
      names = "--retry-after-limit-seconds",
      defaultValue = "60",
      description =
          "Before a retry, wait what the answer's Retry-After asks, up to this many seconds, when"
              + " that is longer than the backoff; 0 ignores the header, as the service may"
              + " (default: ${DEFAULT-VALUE}).")
  int retryAfterLimitSeconds;

  @Option(
      names = "--newline",
      defaultValue = "if-missing",
      converter = Spellings.OfNewline.class,
      description =
          "AssembleWith Line: add a newline after each response 'if-missing' (default) or"
              + " 'always'.")
  Newline newline;

  @Option(
      names = "--slice-end",
      defaultValue = "inclusive",
      converter = Spellings.OfSliceEnd.class,
      description =
          "JSONPath slice [a:b] end: 'inclusive' (the AWS guide, default) or 'exclusive' (the"
              + " JSONPath library).")
  SliceEnd sliceEnd;

  @Option(
      names = "--skip-existing",
      description = "Skip inputs whose .out already exists (rerun only failures).")
  boolean skipExisting;

  @Option(
      names = "--startup-timeout-seconds",
      defaultValue = "300",
      description = "How long servers may take to answer /ping (default: ${DEFAULT-VALUE}).")
  int startupSeconds;

  @Option(
      names = "--max-restarts",
      defaultValue = "3",
      description = "Restarts of a dead server per instance (default: ${DEFAULT-VALUE}).")
  int maxRestarts;

  @Option(names = "--retry-seed", defaultValue = "1", description = "Seed of the backoff jitter.")
  long seed;

  @Option(
      names = "--progress",
      defaultValue = "auto",
      converter = Spellings.OfProgress.class,
      description = "auto, bar, log or none.")
  Progress.Mode progress;

  @Option(
      names = "--log-dir",
      description = "Where server logs go (default: <output>/logs for a local output).")
  Path logDir;

  @Option(
      names = "--image",
      paramLabel = "IMAGE",
      description =
          "Run each instance as this container image, as SageMaker (and SDK local mode) would:"
              + " docker run IMAGE serve with the model mounted read-only at /opt/ml/model, the"
              + " job's environment, the port published on loopback, the container's log in the"
              + " instance log; stopped and removed at the end, also on failure or Ctrl-C. Needs"
              + " the docker CLI and a daemon.")
  String image;

  @Option(
      names = "--server-main",
      hidden = true,
      defaultValue = ServerCommand.DEFAULT_MAIN,
      description = "Main class of child servers (tests).")
  String serverMain;

  String serverMain() {
    return serverMain;
  }

  Stores.S3Settings s3Settings() {
    return Stores.S3Settings.of(s3Endpoint, pathStyle, region, System.getenv());
  }

  HarnessOptions options(ServerCommand server, List<URI> endpoints, int instanceCount) {
    if (oldPayloadUnit != null) {
      OldSpelling.note("--payload-mb (the packing unit)", "--payload-unit");
      payloadUnit = oldPayloadUnit;
    }
    if (!endpoints.isEmpty() && endpoints.size() != instanceCount) {
      throw new IllegalArgumentException(
          "--endpoint: "
              + endpoints.size()
              + " given for InstanceCount "
              + instanceCount
              + "; give one per instance");
    }
    return HarnessOptions.builder(server)
        .endpoints(endpoints)
        .s3(s3Settings())
        .bytesPerMb(payloadUnit.bytes)
        .retryClientErrors(retryClientErrors)
        .retryAfterLimit(retryAfterLimit())
        .alwaysNewline(newline == Newline.ALWAYS)
        .sliceEnd(sliceEnd)
        .skipExisting(skipExisting)
        .startupLimit(Duration.ofSeconds(startupSeconds))
        .maxRestarts(maxRestarts)
        .seed(seed)
        .progress(progress)
        .logDir(logDir)
        .build();
  }

  private Duration retryAfterLimit() {
    if (retryAfterLimitSeconds < 0) {
      throw new IllegalArgumentException(
          "--retry-after-limit-seconds: "
              + retryAfterLimitSeconds
              + " is negative; give 0 to ignore Retry-After");
    }
    return Duration.ofSeconds(retryAfterLimitSeconds);
  }

  /** What MB means in MaxPayloadInMB when packing; picocli matches the spelling in any case. */
  enum PayloadUnit {
    MEBIBYTE("MiB", SageMakerLimits.MEBIBYTE),
    MEGABYTE("MB", HarnessOptions.MEGABYTE);

    private final String spelling;
    private final long bytes;

    PayloadUnit(String spelling, long bytes) {
      this.spelling = spelling;
      this.bytes = bytes;
    }

    @Override
    public String toString() {
      return spelling;
    }
  }

  /** When AssembleWith Line adds a newline after a response: always, or if-missing. */
  enum Newline {
    ALWAYS,
    IF_MISSING
  }
}
