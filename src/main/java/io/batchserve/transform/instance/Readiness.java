package io.batchserve.transform.instance;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits for {@code GET /ping} to answer 200, each try limited to 2 s as the service does, and gives
 * up as soon as waiting cannot help: the process exited, the server says its model failed to load
 * (batchserve answers such a {@code /ping} 503 with {@code "error":"ModelLoadFailed"}), or nothing
 * has been listening for {@link #REFUSED_LIMIT}. While the server answers but is not ready, it says
 * so every 10 s.
 */
final class Readiness {
  static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REFUSED_LIMIT = Duration.ofSeconds(5);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  /**
   * What the waiting knows of the server besides its answers: whether its process still runs (a URL
   * always does), the end of its log for a message (empty when there is none), and whether a
   * refused connection means "not started yet" (a child just started) or "nothing there" (a URL).
   */
  record Watch(BooleanSupplier alive, Supplier<String> logTail, boolean starting) {
    /** A running server given by URL. */
    static final Watch URL = new Watch(() -> true, () -> "", false);
  }

  private Readiness() {}

  /**
   * Blocks until the server at {@code base} answers 200. Throws IOException, with {@code what} and
   * the log's last lines in the message, when {@code limit} passes or waiting cannot help (see the
   * class comment).
   */
  static void await(
      HttpClient client, URI base, Duration limit, Watch watch, String what, Consumer<String> say)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    long nextReport = start + REPORT_EVERY.toNanos();
    long refusedSince = -1;
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!watch.alive().getAsBoolean()) {
        throw new IOException(what + " exited before answering /ping" + tail(watch));
      }
      HttpResponse<String> answer = null;
      try {
        HttpRequest ping =
            HttpRequest.newBuilder(base.resolve("/ping")).timeout(PING_TIMEOUT).GET().build();
        answer = client.send(ping, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
        refusedSince = -1;
        last = "HTTP " + answer.statusCode();
      } catch (ConnectException e) {
        last = "connection refused";
        long now = System.nanoTime();
        refusedSince = refusedSince < 0 ? now : refusedSince;
        if (!watch.starting() && now - refusedSince >= REFUSED_LIMIT.toNanos()) {
          throw new IOException(
              "nothing is listening at "
                  + base
                  + " (connection refused for "
                  + REFUSED_LIMIT.toSeconds()
                  + " s): start the container, or check the --endpoint URL");
        }
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      }
      if (answer != null && answer.body().contains("\"ModelLoadFailed\"")) {
        throw new IOException(
            what + " could not load its model: " + message(answer.body()) + tail(watch));
      }
      if (System.nanoTime() >= nextReport) {
        say.accept(
            "still waiting for "
                + what
                + " to answer /ping with 200 (last: "
                + last
                + ", "
                + (System.nanoTime() - start) / 1_000_000_000L
                + " s of "
                + limit.toSeconds()
                + ")");
        nextReport += REPORT_EVERY.toNanos();
      }
      Thread.sleep(100);
    }
    throw new IOException(
        what
            + " did not answer /ping with 200 within "
            + limit.toSeconds()
            + " s (last: "
            + last
            + ")"
            + tail(watch));
  }

  private static String tail(Watch watch) {
    String tail = watch.logTail().get();
    return tail.isEmpty() ? "" : "; the end of its log:\n" + tail;
  }

  /** The "message" of a batchserve error body, or the body. */
  private static String message(String body) {
    try {
      JsonNode message = Json.MAPPER.readTree(body).path("message");
      return message.isTextual() ? message.asText() : body.strip();
    } catch (IOException e) {
      return body.strip();
    }
  }
}
