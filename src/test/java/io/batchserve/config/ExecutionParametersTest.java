package io.batchserve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecutionParametersTest {
  private static ExecutionParameters resolve(int vcpus, Map<String, String> env) {
    return SageMakerEnv.resolve(ServeFlags.NONE, env, vcpus).executionParameters();
  }

  @ParameterizedTest(name = "{0} vCPUs -> MaxConcurrentTransforms {1}")
  @CsvSource({"1, 1", "2, 2", "16, 16", "96, 16"})
  void defaultPayload_concurrencyFollowsVcpusWithinTheLimit(int vcpus, int expected) {
    ExecutionParameters p = resolve(vcpus, Map.of());
    assertEquals(expected, p.maxConcurrentTransforms());
    assertEquals(6, p.maxPayloadInMb());
    assertEquals(BatchStrategy.MULTI_RECORD, p.batchStrategy());
    assertTrue(p.maxConcurrentTransforms() * p.maxPayloadInMb() <= 100);
  }

  @ParameterizedTest(name = "{0} vCPUs, SAGEMAKER_MAX_PAYLOAD_IN_MB={1} -> {2}")
  @CsvSource({
    "1, 50, 1",
    "2, 50, 2",
    "16, 50, 2",
    "96, 50, 2",
    "16, 20, 5",
    "96, 100, 1",
    "16, 1, 16",
    "96, 1, 96"
  })
  void givenPayload_productNeverExceeds100(int vcpus, int payload, int expected) {
    ExecutionParameters p =
        resolve(vcpus, Map.of("SAGEMAKER_MAX_PAYLOAD_IN_MB", Integer.toString(payload)));
    assertEquals(expected, p.maxConcurrentTransforms());
    assertEquals(payload, p.maxPayloadInMb());
    assertTrue(p.maxConcurrentTransforms() * p.maxPayloadInMb() <= 100);
  }

  @ParameterizedTest(name = "{0} vCPUs with the job's own settings")
  @CsvSource({"2", "96"})
  void jobSettings_winOverTheServersGuess(int vcpus) {
    ExecutionParameters p =
        resolve(
            vcpus,
            Map.of(
                "SAGEMAKER_MAX_CONCURRENT_TRANSFORMS",
                "4",
                "SAGEMAKER_BATCH_STRATEGY",
                "SINGLE_RECORD",
                "SAGEMAKER_MAX_PAYLOAD_IN_MB",
                "10"));
    assertEquals(new ExecutionParameters(4, BatchStrategy.SINGLE_RECORD, 10), p);
  }

  @ParameterizedTest(name = "workers={0}")
  @CsvSource({"3", "40"})
  void workersVariable_drivesConcurrency(int workers) {
    ExecutionParameters p =
        resolve(96, Map.of("SAGEMAKER_MODEL_SERVER_WORKERS", Integer.toString(workers)));
    assertEquals(Math.min(workers, 16), p.maxConcurrentTransforms());
  }

  @ParameterizedTest(name = "json {0}")
  @CsvSource({"8"})
  void toJson_hasTheExactKeys(int vcpus) {
    assertEquals(
        "{\"MaxConcurrentTransforms\":8,\"BatchStrategy\":\"MULTI_RECORD\",\"MaxPayloadInMB\":6}",
        resolve(vcpus, Map.of()).toJson());
  }
}
