package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointConfigTest {
  @TempDir Path dir;

  @Test
  void read_asyncConfigAsUsersWriteIt_keepsItsParts() throws Exception {
    EndpointConfig config =
        read(
            """
            {"EndpointConfigName": "churn-async",
             "ProductionVariants": [{"VariantName": "variant1", "ModelName": "churn",
                                     "InstanceType": "ml.m5.xlarge", "InitialInstanceCount": 1}],
             "AsyncInferenceConfig": {
               "OutputConfig": {"S3OutputPath": "s3://bucket/async/out",
                                "S3FailurePath": "s3://bucket/async/failed",
                                "NotificationConfig": {
                                  "SuccessTopic": "arn:aws:sns:us-east-1:123456789012:ok",
                                  "ErrorTopic": "arn:aws:sns:us-east-1:123456789012:error"}},
               "ClientConfig": {"MaxConcurrentInvocationsPerInstance": 4}}}
            """);
    assertEquals("churn-async", config.name());
    assertEquals("variant1", config.variant());
    assertEquals(
        new EndpointConfig.Async(
            "s3://bucket/async/out",
            "s3://bucket/async/failed",
            "arn:aws:sns:us-east-1:123456789012:ok",
            "arn:aws:sns:us-east-1:123456789012:error",
            4),
        config.async());
  }

  @Test
  void read_realTimeConfig_hasNoAsyncPart() throws Exception {
    EndpointConfig config =
        read(
            """
            {"EndpointConfigName": "rt", "ProductionVariants": [{"InitialInstanceCount": 2}]}
            """);
    assertNull(config.async());
    assertEquals("AllTraffic", config.variant());
    assertEquals(2, config.instances());
  }

  @Test
  void read_badFields_nameTheFileAndTheField() throws Exception {
    assertProblem("{\"EndpointConfigName\": \"x\"}", "ProductionVariants: missing or empty");
    assertProblem(
        "{\"EndpointConfigName\": \"x\", \"ProductionVariants\": [{\"InitialInstanceCount\": 0}]}",
        "InitialInstanceCount: 0, must be 1..100");
    assertProblem(
        "{\"EndpointConfigName\": \"x\", \"ProductionVariants\": [{}],"
            + " \"AsyncInferenceConfig\": {\"OutputConfig\": {}}}",
        "AsyncInferenceConfig.OutputConfig.S3OutputPath: missing");
    assertProblem("{not json", "not a JSON document");
  }

  private void assertProblem(String json, String problem) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), json);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EndpointConfig.read(file));
    assertTrue(
        e.getMessage().startsWith(file + ": ") && e.getMessage().contains(problem), e.getMessage());
  }

  private EndpointConfig read(String json) throws Exception {
    return EndpointConfig.read(Files.writeString(dir.resolve("config.json"), json));
  }
}
