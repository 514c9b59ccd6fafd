package io.batchserve.config;

/**
 * The Batch Transform limits and units that batchserve follows, in one place, each with its source
 * (the SageMaker API reference for CreateTransformJob, the same text as botocore's service model,
 * and the developer guide's batch transform page; see DESIGN.md's reference notes). The server, the
 * harness and the load tester all use these.
 */
public final class SageMakerLimits {
  /**
   * What "MB" means in {@code MaxPayloadInMB}: 1,048,576 bytes. The service does not say; the
   * larger unit is the stricter test of a container's body limit (the harness's {@code
   * --payload-unit MB} packs by 10^6 instead).
   */
  public static final long MEBIBYTE = 1L << 20;

  /** {@code MaxPayloadInMB}: 0 to 100 (API reference: CreateTransformJob, MaxPayloadInMB). */
  public static final int MAX_PAYLOAD_MB = 100;

  /**
   * {@code MaxConcurrentTransforms x MaxPayloadInMB} may not exceed 100 (API reference and
   * developer guide: "the value of (MaxConcurrentTransforms * MaxPayloadInMB) also cannot exceed
   * 100 MB").
   */
  public static final int MAX_CONCURRENT_PAYLOAD_MB = 100;

  private SageMakerLimits() {}

  /**
   * Whether a job may run {@code concurrency} requests of {@code payloadMb} at once (0 MB: chunked,
   * no product).
   */
  public static boolean concurrentPayloadAllowed(long concurrency, long payloadMb) {
    return concurrency * payloadMb <= MAX_CONCURRENT_PAYLOAD_MB;
  }

  /**
   * The most requests in flight a payload allows: {@code floor(100 / payloadMb)}; unbounded for 0
   * (chunked).
   */
  public static int maxConcurrencyFor(int payloadMb) {
    return payloadMb == 0 ? Integer.MAX_VALUE : MAX_CONCURRENT_PAYLOAD_MB / payloadMb;
  }
}
