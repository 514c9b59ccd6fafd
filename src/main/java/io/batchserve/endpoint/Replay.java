package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.time.Ticker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A burst replayed against a running local asynchronous endpoint: N {@code InvokeEndpointAsync}
 * calls (the inputs taken in turn), sent as fast as {@code submitters} threads can or on a fixed
 * schedule of {@code rate} a second, then the endpoint's {@code GET /metrics} watched until every
 * accepted request has finished. It reports what a plan needs to be checked against: the time to
 * drain, the first result's wait (a cold start when the endpoint was at zero), the peak instance
 * count and the instance-hours the run cost.
 */
public final class Replay {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Options options;
  private final Ticker ticker;
  private final Consumer<String> console;

  /**
   * What to send.
   *
   * @param api the endpoint's base URL ({@code http://127.0.0.1:8081})
   * @param endpoint the endpoint's name
   * @param inputs input locations, used in turn
   * @param requests how many requests
   * @param contentType their {@code ContentType}, or null
   * @param rate requests a second on a fixed schedule, or 0 for as fast as possible
   * @param submitters threads sending requests
   * @param timeout how long to wait for the endpoint to drain
   */
  public record Options(
      URI api,
      String endpoint,
      List<String> inputs,
      int requests,
      String contentType,
      double rate,
      int submitters,
      Duration timeout) {
    public Options {
      inputs = List.copyOf(inputs);
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("--input: at least one input location is needed");
      }
      if (requests < 1) {
        throw new IllegalArgumentException("--requests " + requests + ": must be at least 1");
      }
      if (rate < 0 || Double.isNaN(rate)) {
        throw new IllegalArgumentException("--rate " + rate + ": must be 0 (no limit) or more");
      }
      if (submitters < 1 || submitters > 256) {
        throw new IllegalArgumentException("--submitters " + submitters + ": must be 1..256");
      }
    }
  }

  /**
   * What the run measured. Times are seconds from the first submission.
   *
   * @param firstResult when the first request finished (NaN if none did)
   * @param drained when the last one finished (NaN when the wait timed out)
   * @param instanceHours instance time the endpoint billed during the run
   */
  public record Result(
      int accepted,
      int refused,
      String firstRefusal,
      double submitted,
      double firstResult,
      double drained,
      long completed,
      long failed,
      int peakInstances,
      int scalingActions,
      double instanceHours) {
    public String report() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "accepted %d request(s) in %.1f s%s%n",
              accepted,
              submitted,
              refused == 0 ? "" : ", " + refused + " refused (first: " + firstRefusal + ")"));
      out.append(
          String.format(
              Locale.ROOT,
              "first result after %.1f s; %s; %d completed, %d failed%n",
              firstResult,
              Double.isNaN(drained)
                  ? "NOT drained before the timeout"
                  : String.format(Locale.ROOT, "drained after %.1f s", drained),
              completed,
              failed));
      out.append(
          String.format(
              Locale.ROOT,
              "instances: peak %d, %d scaling action(s), %.4f instance-hours (%.1f"
                  + " instance-seconds)%n",
              peakInstances,
              scalingActions,
              instanceHours,
              instanceHours * 3600));
      if (!Double.isNaN(drained) && peakInstances > 0 && drained > firstResult) {
        double perInstance = (completed + failed) / ((drained - firstResult) * peakInstances);
        out.append(
            String.format(
                Locale.ROOT,
                "to compare with the planner: plan --records %d --records-per-second %.3f"
                    + " --instances %d --cold-start-minutes %.2f --async-scale-in-minutes 0%n",
                completed + failed,
                perInstance,
                peakInstances,
                firstResult / 60));
      }
      return out.toString();
    }
  }

  public Replay(Options options, Ticker ticker, Consumer<String> console) {
    this.options = options;
    this.ticker = ticker;
    this.console = console;
  }

  /**
   * Submits the requests on {@code submitters} threads while this thread watches the endpoint's
   * metrics, from before the first submission until every accepted request has finished.
   */
  public Result run() throws IOException, InterruptedException {
    JsonNode before = metrics();
    long start = ticker.read();
    Submission submission = new Submission(start);
    ExecutorService pool = Executors.newFixedThreadPool(options.submitters());
    List<Future<?>> senders = new ArrayList<>();
    try {
      for (int t = 0; t < options.submitters(); t++) {
        senders.add(pool.submit(submission::send));
      }
      return watch(before, start, senders, submission);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The requests to send, shared by the submitter threads. */
  private final class Submission {
    private final long start;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();
    private volatile double seconds = Double.NaN;

    Submission(long start) {
      this.start = start;
    }

    Void send() throws IOException, InterruptedException {
      for (int i = next.getAndIncrement(); i < options.requests(); i = next.getAndIncrement()) {
        if (options.rate() > 0) {
          ticker.sleepUntil(start + (long) (i * 1e9 / options.rate()));
        }
        String problem = submit(run + "-" + i, options.inputs().get(i % options.inputs().size()));
        if (problem == null) {
          accepted.incrementAndGet();
        } else {
          refused.incrementAndGet();
          firstRefusal.compareAndSet(null, problem);
        }
      }
      return null;
    }
  }

  private Result watch(JsonNode before, long start, List<Future<?>> senders, Submission submission)
      throws IOException, InterruptedException {
    long done0 = finished(before);
    double firstResult = Double.NaN;
    int peak = before.path("InstanceCount").asInt();
    long deadline = start + options.timeout().toNanos();
    long nextLine = ticker.read() + Duration.ofSeconds(10).toNanos();
    while (true) {
      boolean sent = senders.stream().allMatch(Future::isDone);
      if (sent && Double.isNaN(submission.seconds)) {
        failIfSendingFailed(senders);
        submission.seconds = seconds(start);
        console.accept(
            String.format(
                Locale.ROOT,
                "submitted %d request(s) in %.1f s",
                submission.accepted.get(),
                submission.seconds));
      }
      JsonNode now = metrics();
      peak = Math.max(peak, now.path("InstanceCount").asInt());
      long done = finished(now) - done0;
      if (done > 0 && Double.isNaN(firstResult)) {
        firstResult = seconds(start);
      }
      boolean drained =
          sent
              && done >= submission.accepted.get()
              && now.path("ApproximateBacklogSize").asLong() == 0;
      if (drained || ticker.read() - deadline >= 0) {
        return new Result(
            submission.accepted.get(),
            submission.refused.get(),
            submission.firstRefusal.get(),
            submission.seconds,
            firstResult,
            drained ? seconds(start) : Double.NaN,
            now.path("RequestsCompleted").asLong() - before.path("RequestsCompleted").asLong(),
            now.path("RequestsFailed").asLong() - before.path("RequestsFailed").asLong(),
            peak,
            now.path("ScalingActions").asInt() - before.path("ScalingActions").asInt(),
            (now.path("InstanceSeconds").asDouble() - before.path("InstanceSeconds").asDouble())
                / 3600);
      }
      if (ticker.read() - nextLine >= 0) {
        console.accept(
            String.format(
                Locale.ROOT,
                "%.0f s: %d submitted, %d finished, backlog %d, instances %d",
                seconds(start),
                submission.accepted.get(),
                done,
                now.path("ApproximateBacklogSize").asLong(),
                now.path("InstanceCount").asInt()));
        nextLine = ticker.read() + Duration.ofSeconds(10).toNanos();
      }
      ticker.sleep(Duration.ofMillis(100));
    }
  }

  private static void failIfSendingFailed(List<Future<?>> senders)
      throws IOException, InterruptedException {
    for (Future<?> sender : senders) {
      try {
        sender.get();
      } catch (ExecutionException e) {
        throw new IOException("submitting failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private static long finished(JsonNode metrics) {
    return metrics.path("RequestsCompleted").asLong() + metrics.path("RequestsFailed").asLong();
  }

  /** One InvokeEndpointAsync call; null when accepted, else what the endpoint answered. */
  private String submit(String id, String input) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                options
                    .api()
                    .resolve(
                        "/endpoints/"
                            + URLEncoder.encode(options.endpoint(), StandardCharsets.UTF_8)
                            + "/async-invocations"))
            .header("X-Amzn-SageMaker-InputLocation", input)
            .header("X-Amzn-SageMaker-Inference-Id", id)
            .POST(HttpRequest.BodyPublishers.noBody());
    if (options.contentType() != null) {
      request.header("X-Amzn-SageMaker-Content-Type", options.contentType());
    }
    HttpResponse<String> answer =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() == 202 ? null : answer.statusCode() + " " + answer.body();
  }

  private JsonNode metrics() throws IOException, InterruptedException {
    HttpResponse<String> answer;
    try {
      answer =
          client.send(
              HttpRequest.newBuilder(options.api().resolve("/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException(
          "cannot reach "
              + options.api()
              + " (is 'batchserve endpoint' running and ready there?): "
              + e,
          e);
    }
    if (answer.statusCode() != 200) {
      throw new IOException(
          options.api()
              + "/metrics answered "
              + answer.statusCode()
              + ": is it a batchserve endpoint?");
    }
    return Json.MAPPER.readTree(answer.body());
  }

  private double seconds(long start) {
    return (ticker.read() - start) / 1e9;
  }
}
