package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildAndPushScriptTest {
  @Test
  void dryRun_printsBuildRepositoryLoginTagAndPush() {
    Scripts.Result run =
        Scripts.run(
            "build-and-push.sh",
            "--region",
            "eu-west-1",
            "--account-id",
            "123456789012",
            "--tag",
            "3f2a1c9e8b7d",
            "--base-image",
            "eclipse-temurin:17-jre",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    String registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    assertEquals(
        """
        docker build --platform linux/amd64 --build-arg BASE_IMAGE=eclipse-temurin:17-jre -t batchserve:3f2a1c9e8b7d %s
        # the repository, created when missing
        aws ecr describe-repositories --region eu-west-1 --repository-names batchserve
        # only when that answers RepositoryNotFoundException:
        aws ecr create-repository --region eu-west-1 --repository-name batchserve \
        --image-scanning-configuration scanOnPush=true
        # login: the password goes through a pipe, never the command line
        aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin %s
        docker tag batchserve:3f2a1c9e8b7d %s/batchserve:3f2a1c9e8b7d
        docker push %s/batchserve:3f2a1c9e8b7d
        """
            .formatted(Scripts.PROJECT, registry, registry, registry),
        run.stdout());
  }

  @Test
  void dryRun_profileEndpointAndPlatform_reachEveryCall() {
    Scripts.Result run =
        Scripts.run(
            "build-and-push.sh",
            "--region",
            "eu-west-1",
            "--account-id",
            "123456789012",
            "--tag",
            "v1",
            "--profile",
            "ml-team",
            "--endpoint-url",
            "http://127.0.0.1:5000",
            "--platform",
            "linux/arm64",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    List<String> commands = run.commands();
    assertTrue(commands.get(0).startsWith("docker build --platform linux/arm64 "), commands.get(0));
    List<String> aws = commands.stream().filter(line -> line.startsWith("aws ")).toList();
    assertEquals(3, aws.size(), run.stdout());
    aws.forEach(
        line ->
            assertTrue(
                line.startsWith("aws --profile ml-team --endpoint-url http://127.0.0.1:5000 ecr "),
                line));
  }

  @Test
  void dryRun_endpointVariable_isPassedToTheCliExplicitly() {
    Scripts.Result run =
        Scripts.run(
            Map.of(
                "AWS_ENDPOINT_URL_ECR",
                "http://127.0.0.1:5001",
                "AWS_ENDPOINT_URL",
                "http://127.0.0.1:5000"),
            "build-and-push.sh",
            "--region",
            "eu-west-1",
            "--account-id",
            "123456789012",
            "--tag",
            "v1",
            "--no-build",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(
        run.commands()
            .get(0)
            .startsWith("aws --endpoint-url http://127.0.0.1:5001 ecr describe-repositories"),
        run.stdout());
  }

  @Test
  void badPlatform_isNamed() {
    Scripts.assertRejected(
        Scripts.run(
            "build-and-push.sh",
            "--region",
            "eu-west-1",
            "--account-id",
            "123456789012",
            "--platform",
            "amd64",
            "--dry-run"),
        "--platform 'amd64' is not OS/ARCH");
  }

  @Test
  void dryRun_noBuild_withAnotherRepository() {
    Scripts.Result run =
        Scripts.run(
            "build-and-push.sh",
            "--region",
            "us-east-1",
            "--account-id",
            "123456789012",
            "--tag",
            "v1",
            "--repository",
            "ml/batchserve",
            "--no-build",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(
        "docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/ml/batchserve:v1",
        run.commands().get(run.commands().size() - 1));
    assertTrue(
        run.commands().stream().noneMatch(line -> line.startsWith("docker build")), run.stdout());
  }

  @Test
  void dryRun_withoutAccount_saysThatADryRunAsksAwsNothing() {
    Scripts.Result run =
        Scripts.run("build-and-push.sh", "--region", "eu-west-1", "--tag", "v1", "--dry-run");

    Scripts.assertRejected(run, "build-and-push.sh: --dry-run needs --account-id");
  }

  @Test
  void badRepositoryName_isNamed() {
    Scripts.Result run =
        Scripts.run(
            "build-and-push.sh",
            "--region",
            "eu-west-1",
            "--account-id",
            "123456789012",
            "--repository",
            "BatchServe",
            "--dry-run");

    Scripts.assertRejected(run, "--repository 'BatchServe' is not an ECR repository name");
  }
}
