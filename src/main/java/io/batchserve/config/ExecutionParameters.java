package io.batchserve.config;

/**
 * The answer to {@code GET /execution-parameters}: the settings a transform job should use when it
 * does not set them itself.
 *
 * <p>Formula: P = MaxPayloadInMB = the job's SAGEMAKER_MAX_PAYLOAD_IN_MB if set, else the server's
 * payload limit (6 by default). W = the job's SAGEMAKER_MAX_CONCURRENT_TRANSFORMS if set, else the
 * worker count (one per vCPU by default). MaxConcurrentTransforms = max(1, min(W, floor(100 / P))),
 * so that MaxConcurrentTransforms x MaxPayloadInMB never exceeds SageMaker's limit of 100 (P = 0,
 * unlimited chunked payloads, leaves W as is). BatchStrategy = the job's SAGEMAKER_BATCH_STRATEGY
 * if set, else MULTI_RECORD.
 */
public record ExecutionParameters(
    int maxConcurrentTransforms, BatchStrategy batchStrategy, int maxPayloadInMb) {

  public static ExecutionParameters of(int workers, int payloadLimitMb, BatchEnvironment env) {
    int payload = env.maxPayloadInMb().orElse(payloadLimitMb);
    int wanted = env.maxConcurrentTransforms().orElse(workers);
    int concurrency =
        payload == 0
            ? wanted
            : Math.max(1, Math.min(wanted, SageMakerLimits.maxConcurrencyFor(payload)));
    return new ExecutionParameters(
        concurrency, env.strategy().orElse(BatchStrategy.MULTI_RECORD), payload);
  }

  /** The JSON body, with the exact keys SageMaker reads. */
  public String toJson() {
    return "{\"MaxConcurrentTransforms\":"
        + maxConcurrentTransforms
        + ",\"BatchStrategy\":\""
        + batchStrategy.name()
        + "\",\"MaxPayloadInMB\":"
        + maxPayloadInMb
        + "}";
  }
}
