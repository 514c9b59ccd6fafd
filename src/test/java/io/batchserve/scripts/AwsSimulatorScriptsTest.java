package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.batchserve.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS scripts without --dry-run, against moto's simulator of the AWS APIs (fake credentials):
 * each call is really made by the AWS CLI and what it created is read back with the CLI. What moto
 * cannot check is listed in docs/container.md (the schedule firing, the state machine running, the
 * e-mail subscription).
 */
class AwsSimulatorScriptsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGION = "eu-west-1";
  @TempDir static Path dir;
  private static MotoServer moto;

  @BeforeAll
  static void startMoto() throws Exception {
    assumeTrue(
        Scripts.onPath("aws"),
        "the AWS CLI is not installed: the tests against the AWS API simulator are skipped");
    moto = MotoServer.start(dir);
    aws(
        MotoServer.ENV,
        "s3api",
        "create-bucket",
        "--bucket",
        "batchserve-sim",
        "--create-bucket-configuration",
        "LocationConstraint=" + REGION);
  }

  @AfterAll
  static void stopMoto() throws Exception {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void modelToJob_packageUploadRegisterAndCreate_areReadBackFromTheApi() throws Exception {
    Path archive = dir.resolve("churn.tar.gz");
    ok(
        Scripts.run(
            MotoServer.ENV,
            "package-model.sh",
            "--model",
            "churn",
            "--output",
            archive.toString(),
            "--upload",
            "s3://batchserve-sim/models/churn/",
            "--region",
            REGION,
            "--endpoint-url",
            endpoint()));
    JsonNode head =
        aws(
            MotoServer.ENV,
            "s3api",
            "head-object",
            "--bucket",
            "batchserve-sim",
            "--key",
            "models/churn/model.tar.gz");
    assertEquals(Files.size(archive), head.path("ContentLength").asLong());

    // The endpoint through the SDK's variable only: AWS CLI 1.x ignores it, so the script must pass
    // it on.
    Map<String, String> viaVariable = new HashMap<>(MotoServer.ENV);
    viaVariable.put("AWS_ENDPOINT_URL", endpoint());
    ok(
        Scripts.run(
            viaVariable,
            "create-model.sh",
            "--name",
            "batchserve-churn-sim",
            "--image",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/batchserve:v1",
            "--model-data",
            "s3://batchserve-sim/models/churn/model.tar.gz",
            "--role-arn",
            "arn:aws:iam::123456789012:role/sagemaker",
            "--env",
            "SAGEMAKER_MODEL_SERVER_WORKERS=2",
            "--region",
            REGION));
    JsonNode model =
        aws(MotoServer.ENV, "sagemaker", "describe-model", "--model-name", "batchserve-churn-sim");
    assertEquals(
        "s3://batchserve-sim/models/churn/model.tar.gz",
        model.at("/PrimaryContainer/ModelDataUrl").asText());
    assertEquals(
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/batchserve:v1",
        model.at("/PrimaryContainer/Image").asText());

    ok(
        Scripts.run(
            MotoServer.ENV,
            "create-transform-job.sh",
            "--model-name",
            "batchserve-churn-sim",
            "--job-name",
            "churn-sim-20261201",
            "--input",
            "s3://batchserve-sim/input/churn/",
            "--output-base",
            "s3://batchserve-sim/output/churn/",
            "--date",
            "2026-12-01",
            "--max-concurrent-transforms",
            "4",
            "--max-payload-in-mb",
            "20",
            "--region",
            REGION,
            "--endpoint-url",
            endpoint()));
    JsonNode job =
        aws(
            MotoServer.ENV,
            "sagemaker",
            "describe-transform-job",
            "--transform-job-name",
            "churn-sim-20261201");
    assertEquals("batchserve-churn-sim", job.path("ModelName").asText());
    assertEquals(
        "s3://batchserve-sim/output/churn/2026-12-01/",
        job.at("/TransformOutput/S3OutputPath").asText());
    assertEquals(
        "s3://batchserve-sim/input/churn/",
        job.at("/TransformInput/DataSource/S3DataSource/S3Uri").asText());
    assertEquals(4, job.path("MaxConcurrentTransforms").asInt());
    assertEquals(20, job.path("MaxPayloadInMB").asInt());
    assertEquals("MultiRecord", job.path("BatchStrategy").asText());
    assertEquals("$[1:]", job.at("/DataProcessing/InputFilter").asText());
  }

  @Test
  void scheduleNightly_deploysTheStackWithRetriesAndTheAlertTopic() throws Exception {
    ok(
        Scripts.run(
            MotoServer.ENV,
            "schedule-nightly.sh",
            "--stack-name",
            "churn-nightly-sim",
            "--alert-email",
            "ops@example.com",
            "--region",
            REGION,
            "--endpoint-url",
            endpoint()));
    JsonNode stack =
        aws(
                MotoServer.ENV,
                "cloudformation",
                "describe-stacks",
                "--stack-name",
                "churn-nightly-sim")
            .at("/Stacks/0");
    assertEquals("CREATE_COMPLETE", stack.path("StackStatus").asText());
    String machineArn = physicalId("churn-nightly-sim", "StateMachine");
    String topicArn = physicalId("churn-nightly-sim", "AlertTopic");
    JsonNode definition =
        JSON.readTree(
            aws(
                    MotoServer.ENV,
                    "stepfunctions",
                    "describe-state-machine",
                    "--state-machine-arn",
                    machineArn)
                .path("definition")
                .asText());
    JsonNode task = definition.at("/States/CreateTransformJob");
    assertEquals(
        "arn:aws:states:::sagemaker:createTransformJob.sync", task.path("Resource").asText());
    JsonNode retry = task.at("/Retry/0");
    assertTrue(
        retry.path("ErrorEquals").toString().contains("SageMaker.AmazonSageMakerException"),
        retry.toString());
    assertEquals(2, retry.path("BackoffRate").asInt());
    assertEquals("WhatFailed", task.at("/Catch/0/Next").asText());
    for (String notify : List.of("NotifyJobFailed", "NotifyNotStarted")) {
      assertEquals(topicArn, definition.at("/States/" + notify + "/Parameters/TopicArn").asText());
      assertEquals("Failed", definition.at("/States/" + notify + "/Next").asText());
    }
    assertTrue(aws(MotoServer.ENV, "sns", "list-topics").toString().contains(topicArn));
  }

  @Test
  void profile_givesTheCredentialsOfEveryCall() throws Exception {
    Path credentials =
        Files.writeString(
            dir.resolve("credentials"),
            "[simulator]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
    Map<String, String> env =
        Map.of(
            "AWS_SHARED_CREDENTIALS_FILE",
            credentials.toString(),
            "AWS_CONFIG_FILE",
            dir.resolve("no-config").toString());
    ok(
        Scripts.run(
            env,
            "package-model.sh",
            "--model",
            "forecast",
            "--output",
            dir.resolve("f.tar.gz").toString(),
            "--upload",
            "s3://batchserve-sim/models/forecast/model.tar.gz",
            "--region",
            REGION,
            "--profile",
            "simulator",
            "--endpoint-url",
            endpoint()));
    assertTrue(
        aws(
                    MotoServer.ENV,
                    "s3api",
                    "head-object",
                    "--bucket",
                    "batchserve-sim",
                    "--key",
                    "models/forecast/model.tar.gz")
                .path("ContentLength")
                .asLong()
            > 0);
  }

  private static String physicalId(String stack, String logicalId) throws Exception {
    for (JsonNode resource :
        aws(MotoServer.ENV, "cloudformation", "describe-stack-resources", "--stack-name", stack)
            .path("StackResources")) {
      if (resource.path("LogicalResourceId").asText().equals(logicalId)) {
        return resource.path("PhysicalResourceId").asText();
      }
    }
    throw new AssertionError("no resource " + logicalId + " in stack " + stack);
  }

  private static String endpoint() {
    return moto.endpoint().toString();
  }

  private static void ok(Scripts.Result run) {
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
  }

  /** One AWS CLI call against the simulator, its JSON answer. */
  private static JsonNode aws(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("aws", "--endpoint-url", endpoint(), "--region", REGION, "--output", "json"));
    command.addAll(List.of(args));
    Scripts.Result run = Scripts.exec(command, Scripts.PROJECT, env);
    assertEquals(0, run.exitCode(), command + "\n" + run.stderr());
    return run.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(run.stdout());
  }
}
