package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs bodies to {@code /invocations} over HTTP/1.1 with {@code java.net.http.HttpClient}, which
 * opens one connection per request in flight and keeps them alive between requests. Thread-safe.
 */
final class HttpSender implements Sender {
  private static final int ERROR_SNIPPET = 1000;

  private final HttpClient client;
  private final Target target;
  private final String contentType;

  HttpSender(Target target, String contentType) {
    this.client = client();
    this.target = target;
    this.contentType = contentType;
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Override
  public Reply send(PackedBody body) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve("/invocations"))
            .timeout(target.timeout())
            .header("Content-Type", contentType)
            .header("Accept", target.accept() != null ? target.accept() : contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    if (target.model() != null) {
      request.header("X-Amzn-SageMaker-Custom-Attributes", "model=" + target.model());
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] answer = response.body();
      boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
      return new Reply(response.statusCode(), ok ? lines(answer) : 0, ok ? "" : snippet(answer));
    } catch (HttpTimeoutException e) {
      return Reply.noAnswer("no answer within " + Format.millis(target.timeout().toMillis()));
    } catch (IOException e) {
      return Reply.noAnswer(
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** Lines in an answer; a last line without its line end counts too. */
  static int lines(byte[] answer) {
    int lines = 0;
    for (byte b : answer) {
      if (b == '\n') {
        lines++;
      }
    }
    return answer.length > 0 && answer[answer.length - 1] != '\n' ? lines + 1 : lines;
  }

  private static String snippet(byte[] answer) {
    String text =
        new String(answer, 0, Math.min(answer.length, ERROR_SNIPPET), StandardCharsets.UTF_8)
            .strip();
    return text.replaceAll("\\s+", " ");
  }
}
