package io.batchserve.loadtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server with scripted answers, for testing the load tester without a model. The first line of a
 * request body says what to do: {@code status=503} answers that status with a JSON error, {@code delay=50} waits
 * 50 ms first; otherwise it answers 200 with one line per request line. {@code /ping} answers 200.
 */
final class ScriptedServer implements AutoCloseable {
  private final HttpServer server;
  /** The last value seen of each request header, lower-case names. */
  final Map<String, String> headers = new ConcurrentHashMap<>();

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/ping", exchange -> answer(exchange, 200, ""));
    server.createContext("/execution-parameters", exchange -> answer(exchange, 404, ""));
    server.createContext("/invocations", this::invocations);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void invocations(HttpExchange exchange) throws IOException {
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
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
      answer(exchange, status, "{\"error\":\"Scripted\",\"message\":\"status " + status + "\"}");
      return;
    }
    answer(exchange, 200, "0.5\n".repeat(lines.length));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
