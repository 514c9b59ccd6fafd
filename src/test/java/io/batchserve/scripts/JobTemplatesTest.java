package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AWS job templates (scripts/templates/MODEL-transform-job.json) are the harness's sample jobs
 * (test/jobs/MODEL.json) with S3 locations and SageMaker names: a local run and the real job share
 * one definition.
 */
class JobTemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"churn", "forecast"})
  void awsTemplate_isTheSampleJobButForNamesAndLocations(String model) throws IOException {
    ObjectNode aws =
        (ObjectNode)
            JSON.readTree(
                Scripts.DIR.resolve("templates/" + model + "-transform-job.json").toFile());
    ObjectNode local =
        (ObjectNode)
            JSON.readTree(Scripts.PROJECT.resolve("test/jobs/" + model + ".json").toFile());
    for (ObjectNode job : new ObjectNode[] {aws, local}) {
      job.remove(List.of("TransformJobName", "ModelName"));
      ((ObjectNode) job.at("/TransformInput/DataSource/S3DataSource")).remove("S3Uri");
      ((ObjectNode) job.at("/TransformOutput")).remove("S3OutputPath");
    }

    assertEquals(local, aws);
  }
}
