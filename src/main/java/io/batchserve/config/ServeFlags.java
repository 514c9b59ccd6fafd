package io.batchserve.config;

import java.nio.file.Path;

/** The {@code serve} command's flags as given; null means "not given" (the environment or a default decides). */
public record ServeFlags(Integer port, String host, Path modelDir, Integer workers, Integer maxPayloadMb,
    Integer maxRequestMb, Integer queueCapacity, Integer maxBatchRecords, Integer maxBatchDelayMs,
    Integer timeoutSeconds, Integer libsvmIndexBase, Integer statsIntervalSeconds, Integer minRequestRate,
    Integer requestGraceSeconds, String engine) {
  public static final ServeFlags NONE =
      new ServeFlags(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
