package io.batchserve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.MediaType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SageMakerEnvTest {
  private static ServerConfig resolve(Map<String, String> env) {
    return SageMakerEnv.resolve(ServeFlags.NONE, env, 4);
  }

  @Test
  void resolve_noEnvironment_usesSageMakerDefaults() {
    ServerConfig c = resolve(Map.of());
    assertEquals(8080, c.port());
    assertEquals("0.0.0.0", c.host());
    assertEquals(Path.of("/opt/ml/model"), c.modelDir());
    assertEquals(4, c.workers());
    assertEquals(Duration.ofSeconds(60), c.requestTimeout());
    assertEquals(6L << 20, c.maxRequestBytes());
    assertFalse(c.batch().batch());
    assertNull(c.defaultAccept());
    assertEquals(Duration.ZERO, c.maxBatchDelay());
    assertEquals(0, c.libsvmIndexBase());
    assertEquals(Duration.ofSeconds(60), c.statsInterval());
  }

  @Test
  void resolve_variables_areRead() {
    ServerConfig c =
        resolve(
            Map.of(
                "SAGEMAKER_BIND_TO_PORT",
                "9090",
                "SM_MODEL_DIR",
                "/models",
                "SAGEMAKER_MODEL_SERVER_WORKERS",
                "3",
                "SAGEMAKER_MODEL_SERVER_TIMEOUT",
                "120",
                "SAGEMAKER_MAX_PAYLOAD_IN_MB",
                "50",
                "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT",
                "application/jsonlines"));
    assertEquals(9090, c.port());
    assertEquals(Path.of("/models"), c.modelDir());
    assertEquals(3, c.workers());
    assertEquals(Duration.ofSeconds(120), c.requestTimeout());
    assertEquals(50L << 20, c.maxRequestBytes());
    assertEquals(MediaType.JSON_LINES, c.defaultAccept());
    assertEquals(1, resolve(Map.of("BATCHSERVE_LIBSVM_INDEX_BASE", "1")).libsvmIndexBase());
  }

  @Test
  void resolve_flags_winOverVariables() {
    ServeFlags flags =
        ServeFlags.builder()
            .port(7000)
            .host("127.0.0.1")
            .modelDir(Path.of("model"))
            .workers(1)
            .maxPayloadMb(20)
            .queueCapacity(8)
            .maxBatchRecords(100)
            .maxBatchDelayMs(5)
            .timeoutSeconds(9)
            .build();
    ServerConfig c =
        SageMakerEnv.resolve(
            flags,
            Map.of(
                "SAGEMAKER_BIND_TO_PORT",
                "9090",
                "SAGEMAKER_MODEL_SERVER_WORKERS",
                "3",
                "SAGEMAKER_MAX_PAYLOAD_IN_MB",
                "50"),
            4);
    assertEquals(7000, c.port());
    assertEquals(Path.of("model"), c.modelDir());
    assertEquals(1, c.workers());
    assertEquals(20, c.maxPayloadMb());
    assertEquals(8, c.queueCapacity());
    assertEquals(100, c.maxBatchRecords());
    assertEquals(Duration.ofMillis(5), c.maxBatchDelay());
    assertEquals(Duration.ofSeconds(9), c.requestTimeout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "True", "TRUE", " true "})
  void batch_anyCaseOfTrue_isBatchWithLongTimeout(String value) {
    ServerConfig c = resolve(Map.of("SAGEMAKER_BATCH", value));
    assertTrue(c.batch().batch());
    assertEquals(Duration.ofSeconds(3600), c.requestTimeout());
  }

  @Test
  void batch_explicitTimeout_wins() {
    ServerConfig c =
        resolve(Map.of("SAGEMAKER_BATCH", "true", "SAGEMAKER_MODEL_SERVER_TIMEOUT", "30"));
    assertEquals(Duration.ofSeconds(30), c.requestTimeout());
  }

  @Test
  void payloadZero_meansChunkedWithA100MbBodyLimit() {
    ServerConfig c = resolve(Map.of("SAGEMAKER_MAX_PAYLOAD_IN_MB", "0"));
    assertEquals(0, c.maxPayloadMb());
    assertEquals(100L << 20, c.maxRequestBytes());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SAGEMAKER_BIND_TO_PORT|http|is not a whole number",
        "SAGEMAKER_BIND_TO_PORT|70000|must be between 1 and 65535",
        "SAGEMAKER_MODEL_SERVER_WORKERS|0|must be between 1 and 4096",
        "SAGEMAKER_MODEL_SERVER_TIMEOUT|1.5|is not a whole number",
        "SAGEMAKER_BATCH|yes please|is not a boolean",
        "SAGEMAKER_MAX_PAYLOAD_IN_MB|101|must be between 0 and 100",
        "SAGEMAKER_MAX_PAYLOAD_IN_MB|6MB|is not a whole number",
        "SAGEMAKER_BATCH_STRATEGY|BATCH|is not SINGLE_RECORD or MULTI_RECORD",
        "SAGEMAKER_MAX_CONCURRENT_TRANSFORMS|-1|must be between 1 and 10000",
        "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT|text/html|is not one of",
        "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT|html|is not a media type",
        "BATCHSERVE_QUEUE_CAPACITY|none|is not a whole number",
        "BATCHSERVE_LIBSVM_INDEX_BASE|2|must be between 0 and 1",
        "BATCHSERVE_STATS_INTERVAL_SECONDS|-1|must be between 0 and 86400"
      })
  void resolve_malformedVariable_namesVariableAndValue(String name, String value, String problem) {
    ConfigException e = assertThrows(ConfigException.class, () -> resolve(Map.of(name, value)));
    assertTrue(e.getMessage().startsWith(name + "='" + value + "' " + problem), e.getMessage());
  }

  @Test
  void batchStrategy_bothSpellings() {
    assertEquals(BatchStrategy.MULTI_RECORD, BatchStrategy.parse("MultiRecord"));
    assertEquals(BatchStrategy.MULTI_RECORD, BatchStrategy.parse("MULTI_RECORD"));
    assertEquals(BatchStrategy.SINGLE_RECORD, BatchStrategy.parse("singlerecord"));
  }

  @Test
  void resolve_xgboostContainerVariables_passThroughAsTheContainerReadsThem() {
    ServerConfig plain = resolve(Map.of());
    assertEquals(null, plain.inferenceOutput());
    assertTrue(plain.inferenceEnsemble());
    ServerConfig selected =
        resolve(Map.of("SAGEMAKER_INFERENCE_OUTPUT", "predicted_label, probability"));
    assertEquals("predicted_label, probability", selected.inferenceOutput());
    assertTrue(resolve(Map.of("SAGEMAKER_INFERENCE_ENSEMBLE", "true")).inferenceEnsemble());
    assertFalse(resolve(Map.of("SAGEMAKER_INFERENCE_ENSEMBLE", "false")).inferenceEnsemble());
    // The container compares with "true" exactly: "True" turns the ensemble off there, and here.
    assertFalse(resolve(Map.of("SAGEMAKER_INFERENCE_ENSEMBLE", "True")).inferenceEnsemble());
  }
}
