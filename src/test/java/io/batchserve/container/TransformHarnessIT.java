package io.batchserve.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.GenericContainer;

/**
 * The local Batch Transform harness against the image: each sample job (test/jobs/MODEL.json) run
 * by {@code java -jar target/batchserve.jar transform --job ... --endpoint URL} on a container
 * serving that model, as a data scientist checks tomorrow's job before paying for instances.
 */
class TransformHarnessIT {
  private static final Path JOBS = BatchserveImage.PROJECT.resolve("test/jobs");

  /** The models that have a sample job. */
  static List<String> jobs() {
    return BatchserveImage.models().stream()
        .filter(model -> Files.isRegularFile(JOBS.resolve(model + ".json")))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void sampleJob_completesAgainstTheContainer(String model, @TempDir Path output) throws Exception {
    try (GenericContainer<?> container = BatchserveImage.serving(model)) {
      container.start();

      Path log = output.resolve("harness.log");
      Process harness =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  "target/batchserve.jar",
                  "transform",
                  "--job",
                  JOBS.resolve(model + ".json").toString(),
                  "--endpoint",
                  BatchserveImage.url(container),
                  "--output",
                  output.resolve("out").toString(),
                  "--progress",
                  "log")
              .directory(BatchserveImage.PROJECT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean ended = harness.waitFor(5, TimeUnit.MINUTES);
      if (!ended) {
        harness.destroyForcibly();
      }
      String printed = Files.readString(log);
      System.out.println(
          "[" + model + " harness] " + printed.strip().replace("\n", "\n[" + model + " harness] "));
      assertTrue(ended, "the harness was still running after 5 minutes");
      assertEquals(0, harness.exitValue(), printed);

      JsonNode job = new ObjectMapper().readTree(output.resolve("out/job.json").toFile());
      assertEquals("Completed", job.path("TransformJobStatus").asText(), job.toString());
      for (Path input : inputs(job.at("/TransformInput/DataSource/S3DataSource/S3Uri").asText())) {
        Path out = output.resolve("out").resolve(input.getFileName() + ".out");
        assertEquals(lines(input), lines(out), out + ": one output line per input line");
      }
    }
  }

  /**
   * {@code transform --image}: each instance is the real container started by the harness ({@code
   * docker run IMAGE serve}, the model mounted read-only), and the .out files are byte for byte
   * those of the child-process run.
   */
  @ParameterizedTest
  @MethodSource("jobs")
  void sampleJob_withImage_writesTheSameBytesAsChildServers(String model, @TempDir Path output)
      throws Exception {
    String image = BatchserveImage.name();
    Path models = BatchserveImage.PROJECT.resolve("model");
    run(
        output.resolve("image.log"),
        "--job",
        JOBS.resolve(model + ".json").toString(),
        "--model-dir",
        models.toString(),
        "--image",
        image,
        "--output",
        output.resolve("image").toString(),
        "--progress",
        "log");
    run(
        output.resolve("child.log"),
        "--job",
        JOBS.resolve(model + ".json").toString(),
        "--model-dir",
        models.toString(),
        "--output",
        output.resolve("child").toString(),
        "--progress",
        "log");
    JsonNode job = new ObjectMapper().readTree(output.resolve("image/job.json").toFile());
    for (Path input : inputs(job.at("/TransformInput/DataSource/S3DataSource/S3Uri").asText())) {
      String out = input.getFileName() + ".out";
      assertTrue(
          Arrays.equals(
              Files.readAllBytes(output.resolve("child").resolve(out)),
              Files.readAllBytes(output.resolve("image").resolve(out))),
          out + " differs between --image and children");
    }
    String containerLog = Files.readString(output.resolve("image/logs/instance-1.log"));
    assertTrue(
        containerLog.contains("ready:"),
        "the container's log is the instance log: " + containerLog);
    Process ps =
        new ProcessBuilder(
                "docker", "ps", "-a", "--filter", "name=batchserve-", "--format", "{{.Names}}")
            .redirectErrorStream(true)
            .start();
    String left = new String(ps.getInputStream().readAllBytes()).strip();
    ps.waitFor();
    assertEquals("", left, "no container is left behind");
  }

  private static void run(Path log, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/batchserve.jar",
                "transform"));
    command.addAll(List.of(args));
    Process harness =
        new ProcessBuilder(command)
            .directory(BatchserveImage.PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = harness.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      harness.destroyForcibly();
    }
    String printed = Files.readString(log);
    System.out.println(
        "[harness "
            + String.join(" ", args)
            + "] "
            + printed.strip().replace("\n", "\n[harness] "));
    assertTrue(ended, "the harness was still running after 5 minutes");
    assertEquals(0, harness.exitValue(), printed);
  }

  /** The local files an S3Prefix-style prefix names, e.g. test/data/churn/customers-. */
  private static List<Path> inputs(String prefix) throws IOException {
    Path start = BatchserveImage.PROJECT.resolve(prefix);
    try (Stream<Path> files = Files.list(start.getParent())) {
      List<Path> inputs =
          files.filter(file -> file.toString().startsWith(start.toString())).sorted().toList();
      assertTrue(!inputs.isEmpty(), "no input files for " + prefix);
      return inputs;
    }
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.filter(line -> !line.isBlank()).count();
    }
  }
}
