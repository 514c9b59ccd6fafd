package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every script promises: --help, errors that name the bad flag, strict mode, shellcheck, real
 * AWS CLI syntax.
 */
class ScriptConventionsTest {
  static Stream<String> awsScripts() {
    return Stream.of(
        "build-and-push.sh",
        "package-model.sh",
        "create-model.sh",
        "create-transform-job.sh",
        "schedule-nightly.sh");
  }

  /**
   * The shell scripts of the container and AWS path, relative to the project root: .ci/run,
   * scripts/ci/, test/container/, and in scripts/ the AWS scripts, the container measurement and
   * their lib/ files. (The other scripts in scripts/, the server benchmarks and the sample-job and
   * load-test runners, belong to their owners.)
   */
  static List<Path> allShellScripts() throws IOException {
    List<Path> scripts = new ArrayList<>(List.of(Path.of(".ci/run")));
    awsScripts().map(name -> Path.of("scripts", name)).forEach(scripts::add);
    for (String name :
        List.of(
            "measure-container-start.sh",
            "lib/common.sh",
            "lib/transform-job.sh",
            "lib/container.sh")) {
      scripts.add(Path.of("scripts", name));
    }
    for (String dir : List.of("scripts/ci", "test/container")) {
      try (Stream<Path> files = Files.list(Scripts.PROJECT.resolve(dir))) {
        files
            .filter(file -> file.toString().endsWith(".sh"))
            .map(Scripts.PROJECT::relativize)
            .sorted()
            .forEach(scripts::add);
      }
    }
    return scripts;
  }

  @ParameterizedTest
  @MethodSource("awsScripts")
  void help_printsUsageAndExitsZero(String script) {
    Scripts.Result run = Scripts.run(script, "--help");

    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().startsWith("Usage: scripts/" + script), run.stdout());
    assertTrue(run.stdout().contains("--dry-run"), run.stdout());
  }

  @ParameterizedTest
  @MethodSource("awsScripts")
  void unknownFlag_isNamedAndExitsTwo(String script) {
    Scripts.Result run = Scripts.run(script, "--dry-run", "--colour", "blue");

    Scripts.assertRejected(run, script + ": unknown argument '--colour'");
  }

  @ParameterizedTest
  @MethodSource("awsScripts")
  void flagWithoutValue_isNamed(String script) {
    Scripts.Result run = Scripts.run(script, "--region");

    Scripts.assertRejected(run, script + ": --region needs a value");
  }

  @Test
  void everyScript_runsInStrictMode() throws IOException {
    for (Path script : allShellScripts()) {
      if (script.startsWith("scripts/lib")) {
        continue; // sourced, not run
      }
      String text = Files.readString(Scripts.PROJECT.resolve(script));
      assertTrue(text.startsWith("#!/usr/bin/env bash\n"), script + " is not a bash script");
      assertTrue(text.contains("\nset -euo pipefail\n"), script + " lacks set -euo pipefail");
    }
  }

  @Test
  void everyScript_passesShellcheck() throws IOException {
    assumeTrue(
        Scripts.onPath("shellcheck"),
        "shellcheck is not installed (apt-get install shellcheck): check skipped");
    List<String> command = new ArrayList<>(List.of("shellcheck", "-x", "--severity=style"));
    allShellScripts().forEach(script -> command.add(script.toString()));

    Scripts.Result run = Scripts.exec(command, Scripts.PROJECT);

    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
  }

  /**
   * The AWS CLI itself validates every printed call against the service's API model (flags, JSON
   * field names and types) before it connects; here it connects to a closed port, so "Could not
   * connect" means accepted.
   */
  @Test
  void dryRunCalls_areAcceptedByTheAwsCli() throws IOException {
    assumeTrue(
        Scripts.onPath("aws"),
        "the AWS CLI is not installed: the check of the printed calls is skipped");
    Path archive = Files.createTempFile("model", ".tar.gz");
    List<Scripts.Result> runs =
        List.of(
            Scripts.run(
                "build-and-push.sh",
                "--region",
                "eu-west-1",
                "--account-id",
                "123456789012",
                "--tag",
                "v1",
                "--no-build",
                "--dry-run"),
            Scripts.run(
                "package-model.sh",
                "--model",
                "scripts/templates",
                "--output",
                archive.toString(),
                "--upload",
                "s3://my-bucket/models/",
                "--region",
                "eu-west-1",
                "--dry-run"),
            Scripts.run(
                "create-model.sh",
                "--name",
                "batchserve-churn",
                "--image",
                CreateModelScriptTest.IMAGE,
                "--model-data",
                CreateModelScriptTest.MODEL_DATA,
                "--role-arn",
                CreateModelScriptTest.ROLE,
                "--env",
                "A=1",
                "--region",
                "eu-west-1",
                "--dry-run"),
            Scripts.run(
                "create-transform-job.sh", "--region", "eu-west-1", "--job-name", "j", "--dry-run"),
            Scripts.run(
                "create-transform-job.sh",
                "--region",
                "eu-west-1",
                "--job-name",
                "j",
                "--dry-run",
                "--template",
                "scripts/templates/forecast-transform-job.json"),
            Scripts.run("schedule-nightly.sh", "--region", "eu-west-1", "--dry-run"));
    for (Scripts.Result run : runs) {
      assertEquals(0, run.exitCode(), run.stderr());
      for (String line : run.commands()) {
        String call =
            line.contains(" | docker login") ? line.substring(0, line.indexOf(" | ")) : line;
        if (!call.startsWith("aws ")) {
          continue;
        }
        Scripts.Result aws = awsAgainstClosedPort(call);
        assertTrue(
            aws.stderr().contains("Could not connect to the endpoint URL"),
            call + "\n" + aws.stderr());
      }
    }
  }

  private static Scripts.Result awsAgainstClosedPort(String call) {
    String script =
        "export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_MAX_ATTEMPTS=1"
            + " AWS_RETRY_MODE=standard AWS_EC2_METADATA_DISABLED=true; "
            + call
            + " --endpoint-url http://127.0.0.1:9";
    return Scripts.exec(List.of("bash", "-c", script), Scripts.PROJECT);
  }
}
