package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.Http;
import io.batchserve.testing.LogCapture;
import io.batchserve.testing.RawHttp;
import io.batchserve.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client text that tries to forge or flood a log line: a newline, a carriage return, an ANSI escape
 * or a megabyte in a JSON field name, a forecast {@code item_id} or a path. Each request gets its
 * 4xx, and the server logs exactly one line for it, with the text escaped ({@code \n}, {@code \r},
 * a backslash-u escape) and shortened.
 */
class LogInjectionTest {
  private static final String FORGED =
      "2026-12-01T00:00:00.000+0000 [main] [INFO] ModelServer - ready";
  private static final String MEGABYTE = "x".repeat(1 << 20);
  private static ModelServer server;

  record Case(String name, String model, String body, String escaped) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() {
    server = TestServers.start(Path.of("model"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Case> corpus() {
    String history = "\"historical_rows\":[{\"date\":\"2025-09-03\",\"sales\":\"many\"}]";
    return Stream.of(
        new Case(
            "field name with a newline", "churn", "{\"a\\n" + FORGED + "\":1}\n", "\\n" + FORGED),
        new Case(
            "field name with a carriage return",
            "churn",
            "{\"a\\r" + FORGED + "\":1}\n",
            "\\r" + FORGED),
        new Case(
            "field name with an ANSI escape",
            "churn",
            "{\"\\u001b[31mred\":1}\n",
            "\\u001b[31mred"),
        // Jackson refuses names over 50,000 characters, so this is the longest name a client can
        // send
        new Case(
            "field name of 40,000 characters",
            "churn",
            "{\"" + "y".repeat(40_000) + "\":1}\n",
            "(40,000 characters)"),
        new Case(
            "item_id with a newline",
            "forecast",
            "{\"item_id\":\"A1\\n" + FORGED + "\"," + history + "}\n",
            "A1\\n" + FORGED),
        new Case(
            "item_id with an ANSI escape",
            "forecast",
            "{\"item_id\":\"\\u001b[2J\"," + history + "}\n",
            "\\u001b[2J"),
        new Case(
            "item_id of a megabyte",
            "forecast",
            "{\"item_id\":\"" + MEGABYTE + "\"," + history + "}\n",
            "(1,048,576 characters)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void invocations_hostileText_oneEscapedBoundedLogLine(Case c) {
    try (LogCapture log = new LogCapture()) {
      HttpResponse<String> response =
          Http.post(
              server.port(),
              c.body(),
              "Content-Type",
              "application/jsonlines",
              "X-Amzn-SageMaker-Custom-Attributes",
              "model=" + c.model());
      assertEquals(400, response.statusCode(), response.body());
      assertTrue(
          response.body().length() < 3000, "answer of " + response.body().length() + " characters");
      assertOneSafeLine(log, c.escaped());
    }
  }

  @Test
  void path_withEncodedNewline_oneEscapedLogLine() throws Exception {
    try (LogCapture log = new LogCapture()) {
      RawHttp.Answer answer =
          RawHttp.exchange(
              server.port(),
              "GET /nowhere%0A"
                  + FORGED.replace(' ', '+')
                  + "%1b[31m HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
              false);
      // Jetty refuses a decoded control character in a path (400) before routing; either way, one
      // safe line
      assertTrue(answer.status() == 400 || answer.status() == 404, answer.head() + answer.body());
      assertOneSafeLine(log, answer.status() == 400 ? "Illegal Path Character" : "/nowhere\\n");
    }
  }

  private static void assertOneSafeLine(LogCapture log, String escaped) {
    List<String> lines = log.text().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "one log line: " + lines);
    String line = lines.get(0);
    assertTrue(line.contains(escaped), line);
    assertFalse(
        line.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f), "no control character: " + line);
    assertTrue(line.length() < 2500, "a line of " + line.length() + " characters");
  }
}
