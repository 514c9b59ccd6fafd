package io.batchserve.config;

import io.batchserve.codec.MediaType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Translates SageMaker's environment (and batchserve's own variables) into a {@link ServerConfig}.
 * Precedence: flag, then variable, then default. A malformed variable stops start-up with a message
 * naming it and its value.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>SAGEMAKER_BIND_TO_PORT</td><td>port (default 8080)</td></tr>
 *   <tr><td>SM_MODEL_DIR</td><td>model directory (default /opt/ml/model)</td></tr>
 *   <tr><td>SAGEMAKER_MODEL_SERVER_WORKERS</td><td>prediction threads (default: available processors)</td></tr>
 *   <tr><td>SAGEMAKER_MODEL_SERVER_TIMEOUT</td><td>seconds per request (default 60; 3600 in a batch job)</td></tr>
 *   <tr><td>SAGEMAKER_BATCH</td><td>true/false in any case: running in a transform job</td></tr>
 *   <tr><td>SAGEMAKER_MAX_PAYLOAD_IN_MB</td><td>0..100; also raises the body limit</td></tr>
 *   <tr><td>SAGEMAKER_BATCH_STRATEGY</td><td>SINGLE_RECORD or MULTI_RECORD</td></tr>
 *   <tr><td>SAGEMAKER_MAX_CONCURRENT_TRANSFORMS</td><td>the job's concurrency, at least 1</td></tr>
 *   <tr><td>SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT</td><td>answer type when Accept is missing or * / *</td></tr>
 *   <tr><td>SAGEMAKER_INFERENCE_OUTPUT</td><td>SageMaker XGBoost's selectable output keys, for tabular
 *       models (checked against each model's objective at load)</td></tr>
 *   <tr><td>SAGEMAKER_INFERENCE_ENSEMBLE</td><td>"true" (default) serves k-fold boosters as their
 *       ensemble; anything else, the first</td></tr>
 *   <tr><td>BATCHSERVE_QUEUE_CAPACITY, BATCHSERVE_MAX_BATCH_RECORDS, BATCHSERVE_MAX_BATCH_DELAY_MS,
 *       BATCHSERVE_MAX_REQUEST_MB, BATCHSERVE_LIBSVM_INDEX_BASE, BATCHSERVE_STATS_INTERVAL_SECONDS,
 *       BATCHSERVE_MIN_REQUEST_RATE, BATCHSERVE_REQUEST_GRACE_SECONDS, BATCHSERVE_ENGINE</td>
 *       <td>batchserve's own knobs, as the flags of the same names</td></tr>
 * </table>
 */
public final class SageMakerEnv {
  public static final int DEFAULT_PORT = 8080;
  public static final Path DEFAULT_MODEL_DIR = Path.of("/opt/ml/model");
  public static final int DEFAULT_PAYLOAD_MB = 6;
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;
  public static final int BATCH_TIMEOUT_SECONDS = 3600;
  public static final int DEFAULT_MAX_BATCH_RECORDS = 10_000;
  public static final int DEFAULT_STATS_SECONDS = 60;
  public static final int DEFAULT_MIN_REQUEST_RATE = 64 * 1024;
  public static final int DEFAULT_REQUEST_GRACE_SECONDS = 10;
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);
  static final List<MediaType> ANSWER_TYPES =
      List.of(MediaType.CSV, MediaType.JSON, MediaType.JSON_LINES);

  private SageMakerEnv() {}

  public static ServerConfig resolve(ServeFlags flags, Map<String, String> env, int processors) {
    EnvReader vars = new EnvReader(env);
    BatchEnvironment batch = batchEnvironment(vars);
    int workers =
        first(flags.workers(), vars.integer("SAGEMAKER_MODEL_SERVER_WORKERS", 1, 4096), processors);
    int payloadMb =
        first(
            flags.maxPayloadMb(),
            vars.integer("SAGEMAKER_MAX_PAYLOAD_IN_MB", 0, SageMakerLimits.MAX_PAYLOAD_MB),
            DEFAULT_PAYLOAD_MB);
    int requestMb =
        first(
            flags.maxRequestMb(),
            vars.integer("BATCHSERVE_MAX_REQUEST_MB", 1, 2047),
            payloadMb == 0 ? SageMakerLimits.MAX_PAYLOAD_MB : payloadMb);
    int timeout =
        first(
            flags.timeoutSeconds(),
            vars.integer("SAGEMAKER_MODEL_SERVER_TIMEOUT", 1, 86_400),
            batch.batch() ? BATCH_TIMEOUT_SECONDS : DEFAULT_TIMEOUT_SECONDS);
    return new ServerConfig(
        flags.host() != null ? flags.host() : "0.0.0.0",
        first(flags.port(), vars.integer("SAGEMAKER_BIND_TO_PORT", 1, 65535), DEFAULT_PORT),
        flags.modelDir() != null
            ? flags.modelDir()
            : vars.path("SM_MODEL_DIR").orElse(DEFAULT_MODEL_DIR),
        processors,
        workers,
        first(
            flags.queueCapacity(),
            vars.integer("BATCHSERVE_QUEUE_CAPACITY", 1, 1_000_000),
            Math.max(64, 8 * workers)),
        first(
            flags.maxBatchRecords(),
            vars.integer("BATCHSERVE_MAX_BATCH_RECORDS", 1, 10_000_000),
            DEFAULT_MAX_BATCH_RECORDS),
        Duration.ofMillis(
            first(
                flags.maxBatchDelayMs(),
                vars.integer("BATCHSERVE_MAX_BATCH_DELAY_MS", 0, 60_000),
                0)),
        Duration.ofSeconds(timeout),
        payloadMb,
        Math.max(requestMb, payloadMb) * SageMakerLimits.MEBIBYTE,
        batch,
        vars.mediaType("SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT", ANSWER_TYPES).orElse(null),
        SHUTDOWN_GRACE,
        first(flags.libsvmIndexBase(), vars.integer("BATCHSERVE_LIBSVM_INDEX_BASE", 0, 1), 0),
        Duration.ofSeconds(
            first(
                flags.statsIntervalSeconds(),
                vars.integer("BATCHSERVE_STATS_INTERVAL_SECONDS", 0, 86_400),
                DEFAULT_STATS_SECONDS)),
        first(
            flags.minRequestRate(),
            vars.integer("BATCHSERVE_MIN_REQUEST_RATE", 0, Integer.MAX_VALUE),
            DEFAULT_MIN_REQUEST_RATE),
        Duration.ofSeconds(
            first(
                flags.requestGraceSeconds(),
                vars.integer("BATCHSERVE_REQUEST_GRACE_SECONDS", 0, 86_400),
                DEFAULT_REQUEST_GRACE_SECONDS)),
        flags.engine() != null
            ? flags.engine().toLowerCase(Locale.ROOT)
            : vars.choice("BATCHSERVE_ENGINE", ServerConfig.ENGINES).orElse("auto"),
        env.get("SAGEMAKER_INFERENCE_OUTPUT"),
        // As the built-in container: on unless set, and only the exact string "true" keeps it on.
        env.getOrDefault("SAGEMAKER_INFERENCE_ENSEMBLE", "true").equals("true"));
  }

  static BatchEnvironment batchEnvironment(EnvReader vars) {
    return new BatchEnvironment(
        vars.bool("SAGEMAKER_BATCH").orElse(false),
        optional(vars.integer("SAGEMAKER_MAX_PAYLOAD_IN_MB", 0, 100)),
        vars.strategy("SAGEMAKER_BATCH_STRATEGY"),
        optional(vars.integer("SAGEMAKER_MAX_CONCURRENT_TRANSFORMS", 1, 10_000)));
  }

  private static int first(Integer flag, Optional<Integer> variable, int fallback) {
    return flag != null ? flag : variable.orElse(fallback);
  }

  private static OptionalInt optional(Optional<Integer> value) {
    return value.map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
