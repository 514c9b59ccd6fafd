package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The socket sender against a scripted loopback server, and against a raw socket for the edges. */
class SocketSenderTest {
  private final ScriptedServer server;

  SocketSenderTest() throws Exception {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SocketSender sender(Duration timeout) {
    return new SocketSender(
        new Target(server.url(), null, "churn", timeout, false), RecordFiles.CSV);
  }

  private static PackedBody body(String... lines) {
    return new PackedBody(
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), lines.length);
  }

  @Test
  void send_ok_countsAnswerLinesAndSendsTheHeaders() throws Exception {
    try (SocketSender sender = sender(Duration.ofSeconds(10))) {
      assertEquals(new Reply(200, 3, ""), sender.send(body("1,2", "3,4", "5,6")));
      // The same connection again.
      assertEquals(new Reply(200, 1, ""), sender.send(body("7,8")));
    }
    assertEquals("text/csv", server.headers.get("content-type"));
    assertEquals("text/csv", server.headers.get("accept"));
    assertEquals("model=churn", server.headers.get("x-amzn-sagemaker-custom-attributes"));
  }

  @Test
  void send_503_isAReplyWithTheErrorBody() throws Exception {
    try (SocketSender sender = sender(Duration.ofSeconds(10))) {
      Reply busy = sender.send(body("status=503"));
      assertEquals(503, busy.status());
      assertEquals("{\"error\":\"Scripted\",\"message\":\"status 503\"}", busy.error());
      assertEquals(new Reply(200, 2, ""), sender.send(body("a", "b")));
    }
  }

  @Test
  void send_chunkedAndClosingAnswers_areReadWhole() throws Exception {
    try (SocketSender sender = sender(Duration.ofSeconds(10))) {
      assertEquals(new Reply(200, 3, ""), sender.send(body("chunked", "x", "y")));
      assertEquals(new Reply(200, 2, ""), sender.send(body("close", "x")));
      assertEquals(new Reply(200, 1, ""), sender.send(body("after")));
    }
  }

  @Test
  void send_bodyLargerThanTheBuffer_isSentWhole() throws Exception {
    String[] lines = new String[100_000];
    Arrays.fill(lines, "1,2,3,4,5,6,7,8");
    try (SocketSender sender = sender(Duration.ofSeconds(30))) {
      assertEquals(new Reply(200, 100_000, ""), sender.send(body(lines)));
    }
  }

  @Test
  void send_slowerThanTheTimeout_isNoAnswer() throws Exception {
    try (SocketSender sender = sender(Duration.ofMillis(100))) {
      assertEquals(Reply.noAnswer("no answer within 100 ms"), sender.send(body("delay=2000")));
    }
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
    try (SocketSender sender = new SocketSender(closed, RecordFiles.CSV)) {
      Reply reply = sender.send(body("1"));
      assertEquals(0, reply.status());
      assertTrue(reply.error().contains("ConnectException"), reply.error());
    }
  }

  @Test
  void send_idleConnectionClosedByTheServer_retriesOnANewOne() throws Exception {
    // A raw server that answers one request per connection and then closes it without saying so.
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket raw = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!raw.isClosed()) {
                  try (Socket s = raw.accept()) {
                    connections.incrementAndGet();
                    answerOnce(s);
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Target target =
          new Target(
              URI.create("http://127.0.0.1:" + raw.getLocalPort()),
              null,
              null,
              Duration.ofSeconds(5),
              false);
      try (SocketSender sender = new SocketSender(target, RecordFiles.CSV)) {
        assertEquals(new Reply(200, 1, ""), sender.send(body("1")));
        assertEquals(new Reply(200, 1, ""), sender.send(body("2")));
      }
    }
    assertEquals(2, connections.get());
  }

  @Test
  void abortInFlight_interruptedRequest_endsAtOnce() throws Exception {
    try (SocketSender sender = sender(Duration.ofSeconds(30))) {
      CompletableFuture<Thread> thread = new CompletableFuture<>();
      CompletableFuture<Reply> reply =
          CompletableFuture.supplyAsync(
              () -> {
                thread.complete(Thread.currentThread());
                try {
                  return sender.send(body("delay=20000"));
                } catch (InterruptedException e) {
                  throw new IllegalStateException("interrupted", e);
                }
              });
      Thread sending = thread.get(5, TimeUnit.SECONDS);
      Thread.sleep(200);
      sending.interrupt();
      sender.abortInFlight();
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
      assertEquals("interrupted", e.getCause().getMessage());
    }
  }

  /** Reads one request (head and Content-Length body) and answers one line. */
  private static void answerOnce(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(Locale.ROOT);
    int at = lower.indexOf("content-length:") + "content-length:".length();
    int length = Integer.parseInt(lower.substring(at, lower.indexOf("\r\n", at)).strip());
    in.readNBytes(length);
    OutputStream out = s.getOutputStream();
    out.write(
        "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n0.5\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
