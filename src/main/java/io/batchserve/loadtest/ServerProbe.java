package io.batchserve.loadtest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the server whether it is ready ({@code GET /ping}) and what it advertises ({@code
 * /execution-parameters}).
 */
final class ServerProbe {
  private final HttpClient client = HttpSender.client();
  private final Target target;

  ServerProbe(Target target) {
    this.target = target;
  }

  /** Polls {@code /ping} until it answers 200; throws if it has not within {@code patience}. */
  void awaitReady(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        int status = get("/ping").statusCode();
        if (status == 200) {
          return;
        }
        last = "status " + status;
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        target.url()
            + "/ping did not answer 200 within "
            + patience.toSeconds()
            + " s (last: "
            + last
            + ")");
  }

  /** The {@code /execution-parameters} JSON, or a note that the server does not serve it. */
  String executionParameters() throws InterruptedException {
    try {
      HttpResponse<String> response = get("/execution-parameters");
      return response.statusCode() == 200
          ? response.body().strip()
          : "not served (" + response.statusCode() + ")";
    } catch (IOException e) {
      return "not served (" + e.getMessage() + ")";
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(target.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
