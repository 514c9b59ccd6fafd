package io.batchserve.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * A JDK HTTP server on a free loopback port, for the fake containers of the harness and load tester
 * tests.
 */
public final class LoopbackHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  public LoopbackHttp(ExecutorService executor) throws IOException {
    this.executor = executor;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
  }

  public LoopbackHttp route(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  public LoopbackHttp start() {
    server.start();
    return this;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code status} with a UTF-8 body (none when empty) and ends the exchange. */
  public static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
