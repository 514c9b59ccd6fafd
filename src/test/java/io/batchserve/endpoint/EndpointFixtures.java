package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.invoke.Endpoint;
import io.batchserve.transform.source.Stores;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the endpoint tests share: a loopback endpoint over the churn model, and the boto3 scripts.
 */
final class EndpointFixtures {
  private EndpointFixtures() {}

  /** Child servers of this class path over model/churn, on a free loopback port. */
  static LocalEndpoint.Settings settings(
      String name, EndpointConfig config, Path dir, Stores.S3Settings s3) {
    return new LocalEndpoint.Settings(
        name,
        config,
        churn(),
        List.of(),
        "127.0.0.1",
        0,
        dir.resolve("logs"),
        Duration.ofSeconds(60),
        s3,
        LocalEndpoint.AsyncSettings.of(dir.resolve("state")));
  }

  /** A server that is only an address (never restarted), for tests that do not call it. */
  static Endpoint at(URI base) {
    return new Endpoint() {
      @Override
      public URI base() {
        return base;
      }

      @Override
      public long generation() {
        return 0;
      }

      @Override
      public boolean recover(long seenGeneration) {
        return false;
      }
    };
  }

  /** A child server of this class path over model/churn. */
  static ServerCommand churn() {
    return new ServerCommand(ServerCommand.DEFAULT_MAIN, Path.of("model/churn"), List.of());
  }

  /** Runs a script of test/python and reads the JSON object it prints per line. */
  static List<JsonNode> python(String python, String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, "test/python/" + script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), script + " did not end");
    assertEquals(0, p.exitValue(), err);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.lines().toList()) {
      lines.add(Json.MAPPER.readTree(line));
    }
    return lines;
  }
}
