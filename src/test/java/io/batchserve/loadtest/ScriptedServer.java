package io.batchserve.loadtest;

import com.sun.net.httpserver.HttpExchange;
import io.batchserve.testing.LoopbackHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server with scripted answers, for testing the load tester without a model. The
 * first line of a request body says what to do: {@code status=503} answers that status with a JSON
 * error, {@code delay=50} waits 50 ms first, {@code chunked} answers in chunks, {@code close}
 * answers with {@code Connection: close}; otherwise it answers 200 with one line per request line.
 * {@code /ping} answers 200.
 */
final class ScriptedServer implements AutoCloseable {
  private final LoopbackHttp server;

  /** The last value seen of each request header, lower-case names. */
  final Map<String, String> headers = new ConcurrentHashMap<>();

  ScriptedServer() throws IOException {
    server =
        new LoopbackHttp(Executors.newFixedThreadPool(8))
            .route("/ping", exchange -> LoopbackHttp.respond(exchange, 200, ""))
            .route("/execution-parameters", exchange -> LoopbackHttp.respond(exchange, 404, ""))
            .route("/invocations", this::invocations)
            .start();
  }

  URI url() {
    return server.uri();
  }

  private void invocations(HttpExchange exchange) throws IOException {
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String[] lines = body.split("\n");
    String first = lines[0];
    try {
      if (first.startsWith("delay=")) {
        Thread.sleep(Long.parseLong(first.substring(6)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (first.startsWith("status=")) {
      int status = Integer.parseInt(first.substring(7));
      LoopbackHttp.respond(
          exchange, status, "{\"error\":\"Scripted\",\"message\":\"status " + status + "\"}");
      return;
    }
    if (first.equals("chunked")) {
      exchange.sendResponseHeaders(200, 0);
      try (var out = exchange.getResponseBody()) {
        for (int i = 0; i < lines.length; i++) {
          out.write("0.5\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
      return;
    }
    if (first.equals("close")) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    LoopbackHttp.respond(exchange, 200, "0.5\n".repeat(lines.length));
  }

  @Override
  public void close() {
    server.close();
  }
}
