package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.time.Ticker;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP sender and the closed loop against a scripted loopback server with known delays and
 * statuses.
 */
class HttpSenderTest {
  private final ScriptedServer server;

  HttpSenderTest() throws Exception {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpSender sender(Duration timeout) {
    return new HttpSender(new Target(server.url(), null, "churn", timeout, false), RecordFiles.CSV);
  }

  private static PackedBody body(String... lines) {
    return new PackedBody(
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), lines.length);
  }

  @Test
  void send_ok_countsAnswerLinesAndSendsTheHeaders() throws Exception {
    Reply reply = sender(Duration.ofSeconds(10)).send(body("1,2", "3,4", "5,6"));

    assertEquals(new Reply(200, 3, ""), reply);
    assertEquals("text/csv", server.headers.get("content-type"));
    assertEquals("text/csv", server.headers.get("accept"));
    assertEquals("model=churn", server.headers.get("x-amzn-sagemaker-custom-attributes"));
  }

  @Test
  void send_503And500_areRepliesWithTheErrorBody() throws Exception {
    HttpSender sender = sender(Duration.ofSeconds(10));

    Reply busy = sender.send(body("status=503"));
    Reply fault = sender.send(body("status=500"));

    assertEquals(503, busy.status());
    assertEquals("{\"error\":\"Scripted\",\"message\":\"status 503\"}", busy.error());
    assertEquals(500, fault.status());
  }

  @Test
  void send_noServer_isNoAnswer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Target closed =
        new Target(
            URI.create("http://127.0.0.1:" + port), null, null, Duration.ofSeconds(5), false);

    Reply reply = new HttpSender(closed, RecordFiles.CSV).send(body("1"));

    assertEquals(0, reply.status());
    assertTrue(reply.error().contains("ConnectException"), reply.error());
  }

  @Test
  void send_slowerThanTheTimeout_isNoAnswer() throws Exception {
    Reply reply = sender(Duration.ofMillis(100)).send(body("delay=2000"));

    assertEquals(Reply.noAnswer("no answer within 100 ms"), reply);
  }

  @Test
  void closedLoop_scriptedServer_countsEveryOutcomeAndMeasuresAtLeastTheDelay() throws Exception {
    // 40 requests at concurrency 4, going round 4 bodies: 20 ms then 200, 503, 500 and a 2-record
    // 200.
    PayloadBodies payload =
        new PayloadBodies(
            PayloadBodies.MULTI_RECORD,
            1,
            List.of(body("delay=20", "1"), body("status=503"), body("status=500"), body("1", "2")));
    RunResult run =
        ClosedLoop.run(
            sender(Duration.ofSeconds(10)),
            RunSetting.closed(payload, 4),
            Fixtures.limits(Duration.ofMinutes(1), 40),
            Ticker.system(),
            Fixtures.NO_CPU);

    assertEquals(Map.of("200", 20L, "503", 10L, "500", 10L), run.counts().byStatus());
    assertEquals(40, run.counts().records());
    assertEquals(0, run.counts().wrongCount());
    // Half the successes waited 20 ms on the server: the p90 cannot be below that (a lower bound
    // only).
    assertTrue(run.latency().p90() >= 20, "p90 " + run.latency().p90());
    assertTrue(run.latency().max() >= 20, "max " + run.latency().max());
  }

  @Test
  void lines_lastLineWithoutLineEnd_counts() {
    assertEquals(2, HttpSender.lines("a\nb".getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, HttpSender.lines("a\nb\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, HttpSender.lines(new byte[0]));
  }
}
