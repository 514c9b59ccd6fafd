package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.cli.Main;
import io.batchserve.codec.Json;
import io.batchserve.http.ModelServer;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's churn job (test/jobs/churn.json) through the CLI, a child server of the real jar's
 * main class and the bundled models; every output line must be the customer id and the score the
 * server gives that row alone.
 */
class ChurnEndToEndTest {
  @TempDir Path dir;

  @Test
  void transform_churnJob_joinsEachIdToItsScore() throws Exception {
    int exit =
        Main.commandLine()
            .execute(
                "transform",
                "--job",
                "test/jobs/churn.json",
                "--model-dir",
                "model",
                "--output",
                dir.toString(),
                "--progress",
                "none");
    assertEquals(0, exit);
    try (ModelServer server = TestServers.start(Path.of("model/churn"))) {
      for (String name : List.of("customers-001.csv", "customers-002.csv")) {
        List<String> input = Files.readAllLines(Path.of("test/data/churn", name));
        List<String> output = Files.readAllLines(dir.resolve(name + ".out"));
        assertEquals(input.size(), output.size(), name);
        String features =
            input.stream()
                .map(l -> l.substring(l.indexOf(',') + 1))
                .collect(Collectors.joining("\n", "", "\n"));
        List<String> scores =
            Http.post(server.port(), features, "Content-Type", "text/csv", "Accept", "text/csv")
                .body()
                .lines()
                .toList();
        for (int i = 0; i < input.size(); i++) {
          assertEquals(
              input.get(i).substring(0, input.get(i).indexOf(',')) + "," + scores.get(i),
              output.get(i));
        }
      }
    }
    var job = Json.MAPPER.readTree(dir.resolve("job.json").toFile());
    assertEquals("Completed", job.get("TransformJobStatus").asText());
    assertEquals(5000, job.at("/Harness/Summary/Records").asInt());
  }

  @Test
  void transform_invalidJob_exitsTwoNamingTheField() {
    var err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit =
        cli.execute(
            "transform",
            "--job",
            "test/jobs/churn.json",
            "--max-concurrent-transforms",
            "20",
            "--output",
            dir.toString());
    assertEquals(2, exit);
    assertEquals(
        "batchserve transform: invalid job: MaxConcurrentTransforms x MaxPayloadInMB: 20 x 6 = 120"
            + " is over the limit of 100",
        err.toString().strip());
  }

  @Test
  void transform_jobThatFails_exitsOne() {
    int exit =
        Main.commandLine()
            .execute(
                "transform",
                "--job",
                "test/jobs/churn.json",
                "--input",
                dir.resolve("missing/").toString(),
                "--output",
                dir.resolve("out").toString(),
                "--progress",
                "none");
    assertEquals(1, exit);
  }
}
