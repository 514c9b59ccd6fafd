package io.batchserve.transform.invoke;

import io.batchserve.time.Ticker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request to {@code POST /invocations} and returns its 2xx answer, retrying up to
 * InvocationsMaxRetries times after a 5xx, a timeout (InvocationsTimeoutInSeconds, over the whole
 * exchange) or a connection failure, with {@link Backoff} between tries. A 4xx is final unless
 * {@code retryClientErrors}. A retried answer's {@code Retry-After} (a 503 from a full queue
 * carries one) lengthens the wait to what it asks, up to {@code retryAfterLimit} (zero: ignore the
 * header, backoff only). A request whose server died and was restarted is sent again without
 * counting a retry. Blocks; safe to call from many threads.
 */
public final class Invoker {
  /** The job's invocation settings. A null content type or accept leaves that header out. */
  public record Settings(
      String contentType,
      String accept,
      Duration timeout,
      int maxRetries,
      boolean retryClientErrors,
      Duration retryAfterLimit) {
    public Settings {
      if (retryAfterLimit.isNegative()) {
        throw new IllegalArgumentException("retry-after limit " + retryAfterLimit + " is negative");
      }
    }
  }

  /** Observes attempts, for the statistics. */
  public interface Listener {
    void answered(int status, long nanos);

    void retried();
  }

  private final HttpClient client;
  private final Endpoint endpoint;
  private final Settings settings;
  private final Backoff backoff;
  private final Ticker ticker;
  private final Listener listener;

  public Invoker(
      HttpClient client,
      Endpoint endpoint,
      Settings settings,
      Backoff backoff,
      Ticker ticker,
      Listener listener) {
    this.client = client;
    this.endpoint = endpoint;
    this.settings = settings;
    this.backoff = backoff;
    this.ticker = ticker;
    this.listener = listener;
  }

  public Response invoke(Payload payload) throws InvocationException, InterruptedException {
    int retries = 0;
    int attempts = 0;
    while (true) {
      attempts++;
      long generation = endpoint.generation();
      InvocationException failure;
      boolean retryable = true;
      Duration asked = Duration.ZERO;
      endpoint.requestStarted();
      try {
        HttpResponse<byte[]> answer = send(payload);
        int status = answer.statusCode();
        if (status / 100 == 2) {
          return new Response(
              answer.body(), answer.headers().firstValue("Content-Type").orElse(null), attempts);
        }
        failure = statusFailure(status, answer.body());
        retryable = status >= 500 || settings.retryClientErrors();
        asked =
            RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), Instant.now())
                .orElse(Duration.ZERO);
      } catch (TimeoutException e) {
        failure =
            new InvocationException(
                -1,
                "Unable to get response from algorithm",
                "no answer within "
                    + settings.timeout().toSeconds()
                    + " s (InvocationsTimeoutInSeconds)");
      } catch (IOException e) {
        if (endpoint.recover(generation)) {
          continue;
        }
        failure = new InvocationException(-1, "Unable to get response from algorithm", describe(e));
      } finally {
        endpoint.requestEnded();
      }
      if (!retryable || retries >= settings.maxRetries()) {
        throw failure;
      }
      retries++;
      listener.retried();
      ticker.sleep(wait(backoff.delay(retries), asked));
    }
  }

  /** The backoff, or what the server asked for when that is longer (capped by the limit). */
  private Duration wait(Duration backoffDelay, Duration asked) {
    Duration honoured =
        asked.compareTo(settings.retryAfterLimit()) > 0 ? settings.retryAfterLimit() : asked;
    return honoured.compareTo(backoffDelay) > 0 ? honoured : backoffDelay;
  }

  private HttpResponse<byte[]> send(Payload payload)
      throws IOException, TimeoutException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.base().resolve("/invocations")).POST(payload.publisher());
    if (settings.contentType() != null) {
      request.header("Content-Type", settings.contentType());
    }
    if (settings.accept() != null) {
      request.header("Accept", settings.accept());
    }
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response =
          future.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
      listener.answered(response.statusCode(), System.nanoTime() - start);
      return response;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static InvocationException statusFailure(int status, byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8).strip();
    String headline =
        status < 500
            ? "ClientError: " + status
            : "Bad HTTP status received from algorithm: " + status;
    return new InvocationException(status, headline, text);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
