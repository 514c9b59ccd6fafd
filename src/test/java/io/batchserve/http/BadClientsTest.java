package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.config.ServeFlags;
import io.batchserve.testing.Http;
import io.batchserve.testing.LogCapture;
import io.batchserve.testing.RawHttp;
import io.batchserve.testing.TestServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that misbehave at the HTTP level, on a real server on port 0: slow bodies, broken
 * framing, wrong methods. Each gets a JSON error (or is simply not allowed to stop anyone else),
 * and the server serves on.
 */
class BadClientsTest {
  private static ModelServer server;
  private static String threeRows;
  private static String threeScores;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.start(Path.of("model/churn"));
    threeRows =
        Files.readAllLines(Path.of("test/data/churn/customers-001.csv")).stream()
            .limit(3)
            .map(line -> line.substring(line.indexOf(',') + 1))
            .collect(Collectors.joining("\n", "", "\n"));
    threeScores = Http.post(server.port(), threeRows, "Content-Type", "text/csv").body();
    assertEquals(3, threeScores.split("\n").length, threeScores);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * 1,000 connections trickle their bodies a byte a second; the contract's answers still come, each
   * in 5 s.
   */
  @Test
  void slowBodies_thousandConnections_pingAndInvocationsStillAnswer() throws Exception {
    List<Socket> slow = new ArrayList<>();
    AtomicBoolean trickling = new AtomicBoolean(true);
    try (ModelServer server = TestServers.start(Path.of("model/churn"))) {
      for (int i = 0; i < 1000; i++) {
        Socket socket = RawHttp.open(server.port());
        slow.add(socket);
        socket
            .getOutputStream()
            .write(
                ("POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                        + "Content-Length: 100000\r\n\r\n0")
                    .getBytes(StandardCharsets.US_ASCII));
      }
      CompletableFuture<Void> trickler = CompletableFuture.runAsync(() -> trickle(slow, trickling));
      var ping = CompletableFuture.supplyAsync(() -> Http.get(server.port(), "/ping"));
      var parameters =
          CompletableFuture.supplyAsync(() -> Http.get(server.port(), "/execution-parameters"));
      var scores =
          CompletableFuture.supplyAsync(
              () -> Http.post(server.port(), threeRows, "Content-Type", "text/csv"));
      assertEquals(200, ping.get(5, TimeUnit.SECONDS).statusCode());
      assertEquals(200, parameters.get(5, TimeUnit.SECONDS).statusCode());
      HttpResponse<String> answer = scores.get(5, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals(threeScores, answer.body());
      trickling.set(false);
      trickler.get(10, TimeUnit.SECONDS);
    } finally {
      trickling.set(false);
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  private static void trickle(List<Socket> sockets, AtomicBoolean trickling) {
    while (trickling.get()) {
      for (Socket socket : sockets) {
        try {
          socket.getOutputStream().write('0');
        } catch (IOException e) {
          // cut off: fine
        }
      }
      sleep(1000);
    }
  }

  @Test
  void slowBody_belowMinimumRate_is408WithMessageAndCounted() throws Exception {
    ServeFlags flags =
        TestServers.flags(Path.of("model/churn"), 1).toBuilder()
            .statsIntervalSeconds(0)
            .minRequestRate(1000)
            .requestGraceSeconds(1)
            .build();
    try (ModelServer slowServer =
            TestServers.awaitReady(ModelServer.start(TestServers.config(flags, Map.of())));
        Socket socket = RawHttp.open(slowServer.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /invocations HTTP/1.1\r\n"
                  + "Host: x\r\n"
                  + "Content-Type: text/csv\r\n"
                  + "Content-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        out.write('0');
        sleep(300);
      }
      RawHttp.Answer answer = RawHttp.read(socket);
      assertTrue(
          System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "cut off after the 1 s grace");
      assertEquals(408, answer.status(), answer.head() + answer.body());
      JsonNode error = Json.MAPPER.readTree(answer.body());
      assertEquals("RequestTimeout", error.get("error").asText());
      assertTrue(
          error.get("message").asText().contains("arrived too slowly: 3 of 100000 bytes"),
          answer.body());
      assertEquals("close", answer.header("Connection"));
      String stats = slowServer.statsLine();
      assertNotNull(stats);
      assertTrue(stats.contains("408 slow body: 1"), stats);
      assertEquals(
          200, Http.post(slowServer.port(), threeRows, "Content-Type", "text/csv").statusCode());
    }
  }

  /**
   * A 2 MB body sent in 64 KB pieces, so the reader's buffer grows by doubling and then jumps to
   * the Content-Length: every byte arrives, in order.
   */
  @Test
  void body_arrivingInPiecesAcrossEveryGrowth_isReadWhole() throws Exception {
    int copies = 8_000;
    byte[] body = threeRows.repeat(copies).getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = RawHttp.open(server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      for (int from = 0; from < body.length; from += 64_000) {
        out.write(body, from, Math.min(64_000, body.length - from));
        out.flush();
        sleep(2);
      }
      RawHttp.Answer answer = RawHttp.read(socket);
      assertEquals(200, answer.status(), answer.head());
      assertEquals(threeScores.repeat(copies), answer.body());
    }
  }

  @Test
  void body_shorterThanContentLength_is400NamingTheBytesOneLogLine() throws Exception {
    assertBadFraming(
        "POST /invocations HTTP/1.1\r\n"
            + "Host: x\r\n"
            + "Content-Type: text/csv\r\n"
            + "Content-Length: 100\r\n\r\n"
            + "1,2,3",
        400,
        "InvalidInput",
        "the request body ended after 5 of the 100 bytes");
  }

  @Test
  void chunked_badHexSize_is400() throws Exception {
    assertBadFraming(chunked("zz\r\nhello\r\n0\r\n\r\n"), 400, "InvalidInput", "");
  }

  @Test
  void chunked_noLastChunk_is400() throws Exception {
    assertBadFraming(chunked("5\r\nhello\r\n"), 400, "InvalidInput", "framing is broken");
  }

  @Test
  void chunked_shortChunk_is400() throws Exception {
    assertBadFraming(chunked("a\r\nhello"), 400, "InvalidInput", "framing is broken");
  }

  @Test
  void headers_twoContentLengths_isJson400() throws Exception {
    assertBadFraming(
        "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 3\r\n"
            + "Content-Length: 4\r\n\r\n1,2",
        400,
        "InvalidInput",
        "malformed");
  }

  @Test
  void headers_contentLengthNotANumber_isJson400() throws Exception {
    assertBadFraming(
        "POST /invocations HTTP/1.1\r\n"
            + "Host: x\r\n"
            + "Content-Type: text/csv\r\n"
            + "Content-Length: abc\r\n\r\n",
        400,
        "InvalidInput",
        "malformed");
  }

  @Test
  void headers_chunkedAndContentLength_isJson400() throws Exception {
    assertBadFraming(
        "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 5\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        400,
        "InvalidInput",
        "");
  }

  @Test
  void headers_tooLarge_isJson431() throws Exception {
    assertBadFraming(
        "POST /invocations HTTP/1.1\r\nHost: x\r\nX-Big: "
            + "a".repeat(64 * 1024)
            + "\r\nContent-Length: 0\r\n\r\n",
        431,
        "HeadersTooLarge",
        "");
  }

  @Test
  void wrongMethod_onContractPaths_is405WithAllow() throws Exception {
    RawHttp.Answer get =
        RawHttp.exchange(
            server.port(),
            "GET /invocations HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            false);
    assertEquals(405, get.status(), get.head() + get.body());
    assertEquals("POST", get.header("Allow"));
    assertEquals("MethodNotAllowed", Json.MAPPER.readTree(get.body()).get("error").asText());
    RawHttp.Answer put =
        RawHttp.exchange(
            server.port(),
            "PUT /ping HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            false);
    assertEquals(405, put.status(), put.head() + put.body());
    assertEquals("GET", put.header("Allow"));
    RawHttp.Answer unknown =
        RawHttp.exchange(
            server.port(), "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
    assertEquals(404, unknown.status());
    assertTrue(
        Json.MAPPER.readTree(unknown.body()).get("message").asText().contains("POST /invocations"));
  }

  private static String chunked(String body) {
    return "POST /invocations HTTP/1.1\r\n"
        + "Host: x\r\n"
        + "Content-Type: text/csv\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n"
        + body;
  }

  /**
   * The answer is a JSON error of this status and type, logged in one line without a stack trace.
   */
  private static void assertBadFraming(String request, int status, String error, String message)
      throws Exception {
    try (LogCapture log = new LogCapture()) {
      RawHttp.Answer answer = RawHttp.exchange(server.port(), request, true);
      assertEquals(status, answer.status(), answer.head() + answer.body());
      assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.head());
      JsonNode body = Json.MAPPER.readTree(answer.body());
      assertEquals(error, body.get("error").asText(), answer.body());
      assertTrue(body.get("message").asText().contains(message), answer.body());
      sleep(200);
      List<String> lines = log.text().lines().filter(l -> !l.isBlank()).toList();
      assertEquals(1, lines.size(), "one log line, no stack trace: " + lines);
      assertFalse(lines.get(0).contains("Exception"), lines.get(0));
    }
    assertEquals(
        threeScores, Http.post(server.port(), threeRows, "Content-Type", "text/csv").body());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
