package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleNightlyScriptTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DAY =
      "States.ArrayGetItem(States.StringSplit($.scheduledTime, 'T'), 0)";

  @Test
  void dryRun_printsTheDeployWithScheduleAndJobParameters() throws Exception {
    Scripts.Result run = Scripts.run("schedule-nightly.sh", "--region", "eu-west-1", "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    List<String> words = Scripts.words(run.commands().get(0));
    assertEquals(
        List.of(
            "aws",
            "cloudformation",
            "deploy",
            "--region",
            "eu-west-1",
            "--stack-name",
            "batchserve-churn-nightly",
            "--template-file",
            Scripts.DIR.resolve("templates/nightly-transform.yaml").toString(),
            "--capabilities",
            "CAPABILITY_IAM",
            "--parameter-overrides",
            "ScheduleExpression=cron(0 2 * * ? *)",
            "ScheduleTimezone=UTC"),
        words.subList(0, 14));
    assertEquals(15, words.size());
    assertTrue(words.get(14).startsWith("JobParameters={"), words.get(14));

    JsonNode parameters = JSON.readTree(words.get(14).substring("JobParameters=".length()));
    assertEquals(
        "States.Format('batchserve-churn-{}-{}', "
            + DAY
            + ", States.ArrayGetItem(States.StringSplit(States.UUID(), '-'), 0))",
        parameters.path("TransformJobName.$").asText());
    assertEquals(
        "States.Format('s3://my-bucket/output/churn/{}/', " + DAY + ")",
        parameters.at("/TransformOutput/S3OutputPath.$").asText());
    assertTrue(parameters.path("TransformJobName").isMissingNode());
    assertTrue(parameters.at("/TransformOutput/S3OutputPath").isMissingNode());
    assertEquals("batchserve-churn", parameters.path("ModelName").asText());
    assertEquals("text/csv", parameters.at("/TransformInput/ContentType").asText());
  }

  @Test
  void template_makesAStateMachineThatRunsTheJobFromTheScheduledTime() throws Exception {
    Scripts.Result run =
        Scripts.run(
            "schedule-nightly.sh",
            "--region",
            "eu-west-1",
            "--schedule",
            "cron(30 1 * * ? *)",
            "--timezone",
            "Europe/Berlin",
            "--stack-name",
            "churn-nightly",
            "--max-concurrent-transforms",
            "4",
            "--max-payload-in-mb",
            "20",
            "--dry-run");
    assertEquals(0, run.exitCode(), run.stderr());
    List<String> words = Scripts.words(run.commands().get(0));
    assertEquals("churn-nightly", words.get(6));
    assertEquals("ScheduleExpression=cron(30 1 * * ? *)", words.get(12));
    assertEquals("ScheduleTimezone=Europe/Berlin", words.get(13));
    String parameters = words.get(14).substring("JobParameters=".length());

    JsonNode template =
        new YAMLMapper().readTree(Scripts.DIR.resolve("templates/nightly-transform.yaml").toFile());
    String definition =
        template
            .at("/Resources/StateMachine/Properties/DefinitionString/Fn::Sub/0")
            .asText()
            .replace("${AWS::Partition}", "aws")
            .replace("${JobParameters}", parameters);
    JsonNode task = JSON.readTree(definition).at("/States/CreateTransformJob");
    assertEquals(
        "arn:aws:states:::sagemaker:createTransformJob.sync", task.path("Resource").asText());
    assertEquals(4, task.at("/Parameters/MaxConcurrentTransforms").asInt());
    assertEquals(20, task.at("/Parameters/MaxPayloadInMB").asInt());
    JsonNode target = template.at("/Resources/Schedule/Properties/Target");
    assertEquals(
        "{\"scheduledTime\": \"<aws.scheduler.scheduled-time>\"}", target.path("Input").asText());
    assertEquals(
        List.of(
            "ScheduleExpression",
            "ScheduleTimezone",
            "JobParameters",
            "AlertTopicArn",
            "AlertEmail"),
        List.copyOf(iterable(template.path("Parameters").fieldNames())));
    assertEquals("WhatFailed", task.at("/Catch/0/Next").asText());
    assertEquals("FULL", task.at("/Retry/0/JitterStrategy").asText());
  }

  @Test
  void dryRun_alertTopicAndEmail_becomeStackParameters() {
    Scripts.Result run =
        Scripts.run(
            "schedule-nightly.sh",
            "--region",
            "eu-west-1",
            "--alert-topic-arn",
            "arn:aws:sns:eu-west-1:123456789012:ml-alerts",
            "--alert-email",
            "ops@example.com",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    List<String> words = Scripts.words(run.commands().get(0));
    assertEquals(
        List.of(
            "AlertTopicArn=arn:aws:sns:eu-west-1:123456789012:ml-alerts",
            "AlertEmail=ops@example.com"),
        words.subList(15, 17));
    Scripts.assertRejected(
        Scripts.run(
            "schedule-nightly.sh", "--region", "eu-west-1", "--alert-email", "ops", "--dry-run"),
        "--alert-email 'ops' is not an e-mail address");
  }

  @Test
  void payloadRule_isCheckedBeforeDeploying() {
    Scripts.Result run =
        Scripts.run(
            "schedule-nightly.sh",
            "--region",
            "eu-west-1",
            "--max-concurrent-transforms",
            "30",
            "--dry-run");

    Scripts.assertRejected(
        run, "MaxConcurrentTransforms x MaxPayloadInMB = 30 x 6 = 180, over 100");
  }

  @Test
  void badSchedule_isNamed() {
    Scripts.Result run =
        Scripts.run(
            "schedule-nightly.sh", "--region", "eu-west-1", "--schedule", "02:00", "--dry-run");

    Scripts.assertRejected(run, "--schedule '02:00' is not a schedule expression");
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
