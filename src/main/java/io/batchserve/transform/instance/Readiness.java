package io.batchserve.transform.instance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for {@code GET /ping} to answer 200, each try limited to 2 s as the service does. */
final class Readiness {
  static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

  private Readiness() {}

  /**
   * Blocks until the server at {@code base} answers 200, throwing IOException with {@code what} in the message
   * when {@code limit} passes or {@code alive} turns false (the process exited).
   */
  static void await(HttpClient client, URI base, Duration limit, BooleanSupplier alive, String what)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!alive.getAsBoolean()) {
        throw new IOException(what + " exited before answering /ping");
      }
      try {
        HttpRequest ping = HttpRequest.newBuilder(base.resolve("/ping")).timeout(PING_TIMEOUT).GET().build();
        int status = client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
        last = "HTTP " + status;
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      }
      Thread.sleep(100);
    }
    throw new IOException(what + " did not answer /ping with 200 within " + limit.toSeconds() + " s (last: "
        + last + ")");
  }
}
