package io.batchserve.transform.run;

import io.batchserve.config.BatchStrategy;
import io.batchserve.config.ExecutionParameters;
import io.batchserve.transform.job.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one instance runs with. Each comes from the job when it sets it, else from the
 * container's {@code /execution-parameters}, else from the defaults (MaxConcurrentTransforms 1,
 * MaxPayloadInMB 6, MultiRecord). A job value of 0 for MaxConcurrentTransforms means "not set".
 */
record InstanceSettings(
    int maxConcurrentTransforms,
    int maxPayloadInMb,
    BatchStrategy strategy,
    Map<String, String> sources) {
  static final int DEFAULT_CONCURRENCY = 1;
  static final int DEFAULT_PAYLOAD_MB = 6;

  static InstanceSettings resolve(JobSpec job, Optional<ExecutionParameters> container) {
    Map<String, String> sources = new LinkedHashMap<>();
    Integer jobConcurrency =
        job.maxConcurrentTransforms() == null || job.maxConcurrentTransforms() == 0
            ? null
            : job.maxConcurrentTransforms();
    int concurrency =
        pick(
            "MaxConcurrentTransforms",
            jobConcurrency,
            container.map(ExecutionParameters::maxConcurrentTransforms),
            DEFAULT_CONCURRENCY,
            sources);
    int payload =
        pick(
            "MaxPayloadInMB",
            job.maxPayloadInMb(),
            container.map(ExecutionParameters::maxPayloadInMb),
            DEFAULT_PAYLOAD_MB,
            sources);
    BatchStrategy strategy =
        pick(
            "BatchStrategy",
            job.batchStrategy(),
            container.map(ExecutionParameters::batchStrategy),
            BatchStrategy.MULTI_RECORD,
            sources);
    return new InstanceSettings(Math.max(1, concurrency), payload, strategy, sources);
  }

  private static <T> T pick(
      String field, T job, Optional<T> container, T fallback, Map<String, String> sources) {
    if (job != null) {
      sources.put(field, "job");
      return job;
    }
    sources.put(field, container.isPresent() ? "/execution-parameters" : "default");
    return container.orElse(fallback);
  }

  /**
   * The service's log line: {@code MaxConcurrentTransforms=1, MaxPayloadInMB=6,
   * BatchStrategy=MULTI_RECORD}.
   */
  String logLine() {
    return "MaxConcurrentTransforms="
        + maxConcurrentTransforms
        + ", MaxPayloadInMB="
        + maxPayloadInMb
        + ", BatchStrategy="
        + strategy.name();
  }
}
