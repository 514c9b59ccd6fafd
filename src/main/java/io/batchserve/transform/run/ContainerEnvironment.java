package io.batchserve.transform.run;

import io.batchserve.transform.job.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the service gives a transform container: SAGEMAKER_BATCH=true always;
 * SAGEMAKER_MAX_PAYLOAD_IN_MB, SAGEMAKER_BATCH_STRATEGY and SAGEMAKER_MAX_CONCURRENT_TRANSFORMS
 * only when the job sets them; then the job's Environment.
 */
final class ContainerEnvironment {
  private ContainerEnvironment() {}

  static Map<String, String> of(JobSpec job) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SAGEMAKER_BATCH", "true");
    if (job.maxPayloadInMb() != null) {
      env.put("SAGEMAKER_MAX_PAYLOAD_IN_MB", job.maxPayloadInMb().toString());
    }
    if (job.batchStrategy() != null) {
      env.put("SAGEMAKER_BATCH_STRATEGY", job.batchStrategy().name());
    }
    if (job.maxConcurrentTransforms() != null && job.maxConcurrentTransforms() > 0) {
      env.put("SAGEMAKER_MAX_CONCURRENT_TRANSFORMS", job.maxConcurrentTransforms().toString());
    }
    env.putAll(job.environment());
    return env;
  }
}
