package io.batchserve.config;

import io.batchserve.codec.MediaType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the model server needs to start, resolved once from flags, environment and defaults by
 * {@link SageMakerEnv#resolve}.
 *
 * @param host address to bind
 * @param port port to bind (0 picks a free one)
 * @param modelDir the model directory
 * @param processors processors the JVM sees (logged; the basis of the worker default)
 * @param workers prediction threads
 * @param queueCapacity requests admitted but not yet running
 * @param maxBatchRecords record budget for merging queued requests into one prediction
 * @param maxBatchDelay how long a worker waits for more requests to merge; zero merges only what is
 *     queued
 * @param requestTimeout how long a request may wait and run before it is answered with 503
 * @param maxPayloadMb the MaxPayloadInMB the server advertises (0: unlimited, chunked)
 * @param maxRequestBytes the largest request body accepted; never below the advertised payload
 * @param batch what Batch Transform set in the environment
 * @param defaultAccept the answer type when a request's Accept is missing or * / *, or null for
 *     "same as input"
 * @param shutdownGrace how long SIGTERM waits for admitted requests
 * @param libsvmIndexBase the number of the first feature in {@code text/libsvm} bodies: 0 or 1
 * @param statsInterval how often a busy server logs a line of traffic statistics; zero for never
 * @param minRequestRate the slowest average rate, in bytes per second, at which a request body may
 *     arrive after {@code requestGrace}; slower clients are cut off with 408; 0 for no limit
 * @param requestGrace how long any request body may take before {@code minRequestRate} applies
 * @param engine which evaluator serves the models' trees: auto (the Java engine where it verifies),
 *     java or xgboost4j
 * @param inferenceOutput SageMaker XGBoost's selectable output keys ({@code
 *     SAGEMAKER_INFERENCE_OUTPUT}), or null
 * @param inferenceEnsemble whether k-fold boosters are served as their ensemble ({@code
 *     SAGEMAKER_INFERENCE_ENSEMBLE})
 */
public record ServerConfig(
    String host,
    int port,
    Path modelDir,
    int processors,
    int workers,
    int queueCapacity,
    int maxBatchRecords,
    Duration maxBatchDelay,
    Duration requestTimeout,
    int maxPayloadMb,
    long maxRequestBytes,
    BatchEnvironment batch,
    MediaType defaultAccept,
    Duration shutdownGrace,
    int libsvmIndexBase,
    Duration statsInterval,
    long minRequestRate,
    Duration requestGrace,
    String engine,
    String inferenceOutput,
    boolean inferenceEnsemble) {
  public static final List<String> ENGINES = List.of("auto", "java", "xgboost4j");

  public ServerConfig {
    require(port >= 0 && port <= 65535, "port must be 0..65535: " + port);
    require(workers >= 1, "workers < 1: " + workers);
    require(queueCapacity >= 1, "queue capacity < 1: " + queueCapacity);
    require(maxBatchRecords >= 1, "max batch records < 1: " + maxBatchRecords);
    require(!maxBatchDelay.isNegative(), "max batch delay is negative: " + maxBatchDelay);
    require(requestTimeout.toMillis() >= 1, "request timeout must be positive: " + requestTimeout);
    require(
        maxPayloadMb >= 0 && maxPayloadMb <= SageMakerLimits.MAX_PAYLOAD_MB,
        "max payload must be 0..100 MB: " + maxPayloadMb);
    require(!statsInterval.isNegative(), "stats interval is negative: " + statsInterval);
    require(minRequestRate >= 0, "minimum request rate is negative: " + minRequestRate);
    require(!requestGrace.isNegative(), "request grace is negative: " + requestGrace);
    require(ENGINES.contains(engine), "engine must be auto, java or xgboost4j: '" + engine + "'");
    require(
        libsvmIndexBase == 0 || libsvmIndexBase == 1,
        "libsvm index base must be 0 or 1: " + libsvmIndexBase);
    require(
        maxRequestBytes >= maxPayloadMb * SageMakerLimits.MEBIBYTE,
        "max request size "
            + maxRequestBytes
            + " bytes is below the advertised payload of "
            + maxPayloadMb
            + " MB");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }

  public ExecutionParameters executionParameters() {
    return ExecutionParameters.of(workers, maxPayloadMb, batch);
  }
}
