package io.batchserve.transform;

import com.sun.net.httpserver.HttpExchange;
import io.batchserve.testing.LoopbackHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A scriptable stand-in for a model container: /ping, /execution-parameters (a given body, or 404),
 * and /invocations answered by a per-test script (status, body, delay, or a dropped connection).
 * Records every request and the most requests ever in flight at once.
 */
public final class FakeContainer implements AutoCloseable {
  /** Decides the answer to the n-th (1-based) invocation. */
  @FunctionalInterface
  public interface Script {
    Reply reply(Request request) throws Exception;
  }

  /** One received invocation. */
  public record Request(
      int number, String contentType, String accept, byte[] body, boolean chunked) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public List<String> lines() {
      return text().lines().toList();
    }
  }

  /**
   * An answer; {@code drop} closes the connection without one; {@code retryAfter} (may be null) is
   * that header.
   */
  public record Reply(int status, String body, long delayMillis, boolean drop, String retryAfter) {
    public static Reply ok(String body) {
      return new Reply(200, body, 0, false, null);
    }

    public static Reply status(int status, String body) {
      return new Reply(status, body, 0, false, null);
    }

    public Reply after(long millis) {
      return new Reply(status, body, millis, drop, retryAfter);
    }

    public Reply retryAfter(String header) {
      return new Reply(status, body, delayMillis, drop, header);
    }

    public static Reply dropped() {
      return new Reply(0, "", 0, true, null);
    }
  }

  /**
   * Answers each request line {@code L} with the line {@code r:L}: one record out per record in.
   */
  public static final Script ECHO =
      request ->
          Reply.ok(
              request.lines().stream()
                  .map(l -> "r:" + l)
                  .collect(Collectors.joining("\n", "", "\n")));

  private final LoopbackHttp server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Script script;

  private FakeContainer(Script script, String executionParameters) throws IOException {
    this.script = script;
    server =
        new LoopbackHttp(Executors.newCachedThreadPool())
            .route("/ping", exchange -> LoopbackHttp.respond(exchange, 200, ""))
            .route(
                "/execution-parameters",
                exchange ->
                    LoopbackHttp.respond(
                        exchange,
                        executionParameters == null ? 404 : 200,
                        executionParameters == null ? "{}" : executionParameters))
            .route("/invocations", this::invoke)
            .start();
  }

  public static FakeContainer start(Script script) throws IOException {
    return new FakeContainer(script, null);
  }

  /** With an /execution-parameters endpoint answering {@code json}. */
  public static FakeContainer start(Script script, String executionParameters) throws IOException {
    return new FakeContainer(script, executionParameters);
  }

  public URI uri() {
    return server.uri();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  public void script(Script next) {
    this.script = next;
  }

  private void invoke(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      var headers = exchange.getRequestHeaders();
      Request request =
          new Request(
              requests.size() + 1,
              headers.getFirst("Content-Type"),
              headers.getFirst("Accept"),
              body,
              "chunked".equalsIgnoreCase(headers.getFirst("Transfer-Encoding")));
      requests.add(request);
      Reply reply = script.reply(request);
      Thread.sleep(reply.delayMillis());
      if (reply.drop()) {
        exchange.close();
        exchange.getHttpContext().getServer();
        throw new IOException("dropped on purpose");
      }
      if (reply.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
      }
      LoopbackHttp.respond(exchange, reply.status(), reply.body());
    } catch (IOException e) {
      exchange.close();
    } catch (Exception e) {
      LoopbackHttp.respond(exchange, 500, "script failed: " + e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
