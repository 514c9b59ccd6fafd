package io.batchserve.transform.job;

import io.batchserve.config.BatchStrategy;
import java.util.Map;

/**
 * A validated transform job, field for field the CreateTransformJob request. Null means "not set by
 * the job": {@code maxConcurrentTransforms}, {@code maxPayloadInMb} and {@code batchStrategy} are
 * then taken from the container's {@code /execution-parameters}, else from the defaults; {@code
 * contentType} and {@code accept} are then not sent.
 */
public record JobSpec(
    String name,
    String modelName,
    Integer maxConcurrentTransforms,
    Integer maxPayloadInMb,
    BatchStrategy batchStrategy,
    int invocationsTimeoutSeconds,
    int invocationsMaxRetries,
    Map<String, String> environment,
    S3DataType dataType,
    String inputUri,
    String contentType,
    CompressionType compression,
    SplitType splitType,
    String outputUri,
    String accept,
    AssembleWith assembleWith,
    int instanceCount,
    String instanceType,
    String inputFilter,
    String outputFilter,
    JoinSource joinSource) {

  public static final int DEFAULT_TIMEOUT_SECONDS = 600;
  public static final int DEFAULT_MAX_RETRIES = 3;

  public JobSpec {
    environment = Map.copyOf(environment);
  }

  /** True when any DataProcessing field differs from its default ({@code $}, {@code $}, None). */
  public boolean processesData() {
    return !"$".equals(inputFilter) || !"$".equals(outputFilter) || joinSource == JoinSource.Input;
  }
}
