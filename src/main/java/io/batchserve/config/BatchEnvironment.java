package io.batchserve.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Batch Transform tells the container through its environment. {@code SAGEMAKER_BATCH} is
 * always set in a transform job; the other three only when the job itself sets the matching field,
 * so each may be absent.
 */
public record BatchEnvironment(
    boolean batch,
    OptionalInt maxPayloadInMb,
    Optional<BatchStrategy> strategy,
    OptionalInt maxConcurrentTransforms) {
  public static final BatchEnvironment NONE =
      new BatchEnvironment(false, OptionalInt.empty(), Optional.empty(), OptionalInt.empty());
}
