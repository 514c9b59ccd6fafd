package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.cli.Main;
import io.batchserve.codec.Json;
import io.batchserve.http.ModelServer;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's forecast job (test/jobs/forecast.json: JSON Lines, SingleRecord, 4 in flight)
 * through the CLI and a child server over the whole model folder; each output line must be the
 * server's own answer to that input line, in input order.
 */
class ForecastEndToEndTest {
  @TempDir Path dir;

  @Test
  void transform_forecastJob_answersEveryItemInOrder() throws Exception {
    int exit =
        Main.commandLine()
            .execute(
                "transform",
                "--job",
                "test/jobs/forecast.json",
                "--model-dir",
                "model",
                "--output",
                dir.toString(),
                "--progress",
                "none");
    assertEquals(0, exit);
    try (ModelServer server = TestServers.start(Path.of("model"))) {
      for (String name : List.of("items-001.jsonl", "items-002.jsonl")) {
        String input = Files.readString(Path.of("test/data/forecast", name));
        List<String> output = Files.readAllLines(dir.resolve(name + ".out"));
        List<String> expected =
            Http.post(
                    server.port(),
                    input,
                    "Content-Type",
                    "application/jsonlines",
                    "Accept",
                    "application/jsonlines")
                .body()
                .lines()
                .toList();
        assertEquals(input.lines().count(), output.size(), name);
        assertEquals(expected, output, name);
        List<String> ids = input.lines().map(ForecastEndToEndTest::itemId).toList();
        assertEquals(ids, output.stream().map(ForecastEndToEndTest::itemId).toList());
      }
    }
    var job = Json.MAPPER.readTree(dir.resolve("job.json").toFile());
    assertEquals("Completed", job.get("TransformJobStatus").asText());
    assertEquals(4, job.get("MaxConcurrentTransforms").asInt());
    assertEquals("SingleRecord", job.get("BatchStrategy").asText());
    assertEquals(300, job.at("/Harness/Summary/Requests").asInt());
  }

  private static String itemId(String jsonLine) {
    try {
      return Json.MAPPER.readTree(jsonLine).get("item_id").asText();
    } catch (IOException e) {
      throw new AssertionError(jsonLine, e);
    }
  }
}
