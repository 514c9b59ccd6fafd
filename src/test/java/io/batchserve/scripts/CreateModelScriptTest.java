package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateModelScriptTest {
  static final String IMAGE =
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/batchserve:3f2a1c9e8b7d";
  static final String MODEL_DATA = "s3://my-bucket/models/churn/model.tar.gz";
  static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerExecution";

  static List<String> validArgs() {
    return new ArrayList<>(
        List.of(
            "--name",
            "batchserve-churn",
            "--image",
            IMAGE,
            "--model-data",
            MODEL_DATA,
            "--role-arn",
            ROLE,
            "--region",
            "eu-west-1",
            "--dry-run"));
  }

  @Test
  void dryRun_printsTheCallWithItsJson() {
    List<String> args = validArgs();
    args.addAll(List.of("--env", "SAGEMAKER_MODEL_SERVER_WORKERS=2", "--env", "NOTE=it's a test"));
    Scripts.Result run = Scripts.run("create-model.sh", args.toArray(String[]::new));

    assertEquals(0, run.exitCode(), run.stderr());
    String expected =
        "aws sagemaker create-model --region eu-west-1 --cli-input-json '"
            + "{\"ModelName\":\"batchserve-churn\",\"PrimaryContainer\":{\"Image\":\""
            + IMAGE
            + "\","
            + "\"Mode\":\"SingleModel\",\"ModelDataUrl\":\""
            + MODEL_DATA
            + "\",\"Environment\":{\"SAGEMAKER_MODEL_SERVER_WORKERS\":\"2\",\"NOTE\":\"it'\\''s a"
            + " test\"}},\"ExecutionRoleArn\":\""
            + ROLE
            + "\"}'";
    assertEquals(List.of(expected), run.commands());
    assertTrue(Scripts.argument(expected, "--cli-input-json").contains("\"NOTE\":\"it's a test\""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--name       | churn.v1                          | --name 'churn.v1' is not a valid"
            + " SageMaker name",
        "--image      | batchserve:latest                 | --image 'batchserve:latest' is not an"
            + " ECR image URI",
        "--model-data | s3://my-bucket/models/churn/      | --model-data"
            + " 's3://my-bucket/models/churn/' must name a .tar.gz",
        "--role-arn   | SageMakerExecution                | --role-arn 'SageMakerExecution' is not"
            + " an IAM role ARN",
        "--env        | =x                                | --env '=x' is not KEY=VALUE"
      })
  void badValue_isNamedWithItsFlag(String flag, String value, String message) {
    List<String> args = validArgs();
    args.addAll(List.of(flag, value));
    Scripts.Result run = Scripts.run("create-model.sh", args.toArray(String[]::new));

    Scripts.assertRejected(run, "create-model.sh: " + message);
  }

  @Test
  void missingFlag_isNamed() {
    Scripts.Result run =
        Scripts.run(
            "create-model.sh",
            "--name",
            "batchserve-churn",
            "--image",
            IMAGE,
            "--model-data",
            MODEL_DATA,
            "--region",
            "eu-west-1",
            "--dry-run");

    Scripts.assertRejected(run, "create-model.sh: --role-arn is required");
  }
}
