package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateTransformJobScriptTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dryRun_printsTheCallWithTheTemplateAndADatePartition() throws Exception {
    Scripts.Result run =
        Scripts.run(
            "create-transform-job.sh",
            "--region",
            "eu-west-1",
            "--date",
            "2026-06-24",
            "--job-name",
            "churn-20260624",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    String expected =
        "aws sagemaker create-transform-job --region eu-west-1 --cli-input-json '"
            + "{\"TransformJobName\":\"churn-20260624\",\"ModelName\":\"batchserve-churn\","
            + "\"MaxConcurrentTransforms\":2,\"MaxPayloadInMB\":6,\"BatchStrategy\":\"MultiRecord\","
            + "\"ModelClientConfig\":{\"InvocationsTimeoutInSeconds\":600,\"InvocationsMaxRetries\":3},"
            + "\"TransformInput\":{\"DataSource\":{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\","
            + "\"S3Uri\":\"s3://my-bucket/input/churn/\"}},\"ContentType\":\"text/csv\",\"CompressionType\":\"None\","
            + "\"SplitType\":\"Line\"},"
            + "\"TransformOutput\":{\"S3OutputPath\":\"s3://my-bucket/output/churn/2026-06-24/\","
            + "\"Accept\":\"text/csv\",\"AssembleWith\":\"Line\"},"
            + "\"TransformResources\":{\"InstanceType\":\"ml.m5.xlarge\",\"InstanceCount\":1},"
            + "\"DataProcessing\":{\"InputFilter\":\"$[1:]\",\"JoinSource\":\"Input\",\"OutputFilter\":\"$[0,-1]\"}}'";
    assertEquals(List.of(expected), run.commands());
  }

  @Test
  void dryRun_oldFlagSpellings_stillWorkWithANote() throws Exception {
    Scripts.Result run =
        Scripts.run(
            "create-transform-job.sh",
            "--region",
            "us-east-1",
            "--date",
            "2026-01-05",
            "--max-concurrent",
            "4",
            "--max-payload-mb",
            "25",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode job = JSON.readTree(Scripts.argument(run.commands().get(0), "--cli-input-json"));
    assertEquals(4, job.path("MaxConcurrentTransforms").asInt());
    assertEquals(25, job.path("MaxPayloadInMB").asInt());
    assertTrue(
        run.stderr().contains("note: --max-concurrent is now --max-concurrent-transforms"),
        run.stderr());
    assertTrue(
        run.stderr().contains("note: --max-payload-mb is now --max-payload-in-mb"), run.stderr());
  }

  @Test
  void dryRun_flagsOverrideTheTemplate() throws Exception {
    Scripts.Result run =
        Scripts.run(
            "create-transform-job.sh",
            "--region",
            "us-east-1",
            "--template",
            "scripts/templates/forecast-transform-job.json",
            "--date",
            "2026-01-05",
            "--job-name",
            "forecast-weekly",
            "--model-name",
            "batchserve-forecast-v2",
            "--input",
            "s3://data-lake/forecast/in/",
            "--output-base",
            "s3://data-lake/forecast/out",
            "--max-concurrent-transforms",
            "4",
            "--max-payload-in-mb",
            "25",
            "--instance-type",
            "ml.c5.2xlarge",
            "--instance-count",
            "3",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode job = JSON.readTree(Scripts.argument(run.commands().get(0), "--cli-input-json"));
    assertEquals("forecast-weekly", job.path("TransformJobName").asText());
    assertEquals("batchserve-forecast-v2", job.path("ModelName").asText());
    assertEquals(
        "s3://data-lake/forecast/in/",
        job.at("/TransformInput/DataSource/S3DataSource/S3Uri").asText());
    assertEquals(
        "s3://data-lake/forecast/out/2026-01-05/",
        job.at("/TransformOutput/S3OutputPath").asText());
    assertEquals("application/jsonlines", job.at("/TransformInput/ContentType").asText());
    assertEquals(4, job.path("MaxConcurrentTransforms").asInt());
    assertEquals(25, job.path("MaxPayloadInMB").asInt());
    assertEquals("ml.c5.2xlarge", job.at("/TransformResources/InstanceType").asText());
    assertEquals(3, job.at("/TransformResources/InstanceCount").asInt());
  }

  @Test
  void dryRun_withoutJobNameOrDate_namesTheJobAfterTheModelAndToday() throws Exception {
    Scripts.Result run =
        Scripts.run("create-transform-job.sh", "--region", "eu-west-1", "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode job = JSON.readTree(Scripts.argument(run.commands().get(0), "--cli-input-json"));
    String name = job.path("TransformJobName").asText();
    assertTrue(name.matches("batchserve-churn-\\d{8}-\\d{6}"), name);
    String day =
        name.substring(17, 21) + "-" + name.substring(21, 23) + "-" + name.substring(23, 25);
    assertEquals(
        "s3://my-bucket/output/churn/" + day + "/",
        job.at("/TransformOutput/S3OutputPath").asText());
  }

  @ParameterizedTest(name = "{0} x {1} MB")
  @CsvSource({"1, 100", "10, 10", "4, 25", "100, 1"})
  void payloadRule_atTheLimit_passes(int concurrent, int payload) {
    Scripts.Result run =
        Scripts.run(
            "create-transform-job.sh",
            "--region",
            "eu-west-1",
            "--job-name",
            "j",
            "--max-concurrent-transforms",
            String.valueOf(concurrent),
            "--max-payload-in-mb",
            String.valueOf(payload),
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
  }

  @ParameterizedTest(name = "{0} x {1} MB")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | 101 | --max-payload-in-mb: MaxPayloadInMB 101 is over 100",
        "8 | 20  | --max-concurrent-transforms and --max-payload-in-mb: MaxConcurrentTransforms x"
            + " MaxPayloadInMB = 8 x 20 = 160, over 100",
        "17 | 6  | --max-concurrent-transforms and --max-payload-in-mb: MaxConcurrentTransforms x"
            + " MaxPayloadInMB = 17 x 6 = 102, over 100"
      })
  void payloadRule_overTheLimit_failsBeforeCallingAws(int concurrent, int payload, String message) {
    Scripts.Result run =
        Scripts.run(
            "create-transform-job.sh",
            "--region",
            "eu-west-1",
            "--max-concurrent-transforms",
            String.valueOf(concurrent),
            "--max-payload-in-mb",
            String.valueOf(payload),
            "--dry-run");

    Scripts.assertRejected(run, "create-transform-job.sh: " + message);
  }

  @Test
  void payloadRule_overTheLimitInTheTemplate_namesTheTemplateFields() throws Exception {
    Path template = Files.createTempFile("job", ".json");
    JsonNode job =
        JSON.readTree(
            Scripts.PROJECT.resolve("scripts/templates/churn-transform-job.json").toFile());
    ((ObjectNode) job).put("MaxConcurrentTransforms", 20);
    JSON.writeValue(template.toFile(), job);

    Scripts.Result run =
        Scripts.run(
            "create-transform-job.sh",
            "--region",
            "eu-west-1",
            "--template",
            template.toString(),
            "--dry-run");

    Scripts.assertRejected(
        run,
        "MaxConcurrentTransforms in "
            + template
            + " and MaxPayloadInMB in "
            + template
            + ": MaxConcurrentTransforms x MaxPayloadInMB = 20 x 6 = 120, over 100");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--date           | 2026-02-30      | --date '2026-02-30' is not a date (YYYY-MM-DD)",
        "--job-name       | nightly_churn   | --job-name 'nightly_churn' is not a valid SageMaker"
            + " name",
        "--input          | /data/in        | --input '/data/in' is not an S3 URI"
            + " (s3://bucket/key)",
        "--max-concurrent-transforms | two             | --max-concurrent-transforms 'two' must be"
            + " a whole number >= 1",
        "--instance-type  | m5.xlarge       | --instance-type 'm5.xlarge' is not a SageMaker"
            + " instance type",
        "--template       | missing.json    | --template 'missing.json': no such file",
        "--region         | Ireland         | --region 'Ireland' is not an AWS region name"
      })
  void badValue_isNamedWithItsFlag(String flag, String value, String message) {
    List<String> args = new ArrayList<>(List.of("--region", "eu-west-1", "--dry-run", flag, value));
    Scripts.Result run = Scripts.run("create-transform-job.sh", args.toArray(String[]::new));

    Scripts.assertRejected(run, "create-transform-job.sh: " + message);
  }
}
