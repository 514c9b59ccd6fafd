package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import io.batchserve.transform.invoke.Endpoint;
import io.batchserve.transform.source.Location;
import io.batchserve.transform.source.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The asynchronous side of a local endpoint: {@code InvokeEndpointAsync} requests are journaled
 * ({@link AsyncJournal}) before they are acknowledged, then run on the instances, at most {@code
 * MaxConcurrentInvocationsPerInstance} per instance: the input is read from its location (S3 or a
 * local path), sent to an instance's {@code /invocations}, and the answer written to {@code
 * S3OutputPath/<InferenceId>.out}, or the error to {@code S3FailurePath/<InferenceId>-error.out}; a
 * notification line (the message SageMaker publishes to SNS) goes to a JSON Lines file. Requests
 * left unfinished by a crash run again on start. Thread-safe.
 */
final class AsyncRuntime implements AutoCloseable {
  /** InvokeEndpointAsync's payload limit. */
  static final long MAX_INPUT = 1L << 30;

  static final int DEFAULT_TTL_SECONDS = 21_600;
  static final int DEFAULT_TIMEOUT_SECONDS = 900;
  private final String endpoint;
  private final EndpointConfig.Async config;
  private final AsyncJournal journal;
  private final Stores stores;
  private final List<Endpoint> instances;
  private final HttpClient client;
  private final Path notifications;
  private final Consumer<String> console;
  private final ExecutorService runners;
  private final AtomicInteger next = new AtomicInteger();

  /** What {@code InvokeEndpointAsync} answers with 202. */
  record Accepted(String inferenceId, String outputLocation, String failureLocation) {}

  AsyncRuntime(
      String endpoint,
      EndpointConfig.Async config,
      AsyncJournal journal,
      Stores stores,
      List<Endpoint> instances,
      HttpClient client,
      Path notifications,
      Consumer<String> console) {
    this.endpoint = endpoint;
    this.config = config;
    this.journal = journal;
    this.stores = stores;
    this.instances = List.copyOf(instances);
    this.client = client;
    this.notifications = notifications;
    this.console = console;
    int perInstance = Math.max(1, config.maxConcurrentPerInstance());
    this.runners =
        Executors.newFixedThreadPool(
            instances.size() * perInstance,
            r -> {
              Thread t = new Thread(r, "async-invocation");
              t.setDaemon(true);
              return t;
            });
    List<AsyncJournal.Request> left = journal.pending();
    if (!left.isEmpty()) {
      console.accept(
          "resuming " + left.size() + " accepted request(s) a previous run left unfinished");
    }
    left.forEach(r -> runners.execute(() -> run(r)));
  }

  /**
   * Journals a request and queues it.
   *
   * @throws IllegalArgumentException for a request the service would refuse (a ValidationError)
   */
  Accepted accept(
      String input,
      String contentType,
      String accept,
      String customAttributes,
      String inferenceId,
      Integer ttlSeconds,
      Integer timeoutSeconds)
      throws IOException {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("X-Amzn-SageMaker-InputLocation is required");
    }
    int ttl = ttlSeconds == null ? DEFAULT_TTL_SECONDS : ttlSeconds;
    int timeout = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    if (ttl < 60 || ttl > DEFAULT_TTL_SECONDS) {
      throw new IllegalArgumentException("RequestTTLSeconds " + ttl + " is outside 60..21600");
    }
    if (timeout < 1 || timeout > 3600) {
      throw new IllegalArgumentException(
          "InvocationTimeoutSeconds " + timeout + " is outside 1..3600");
    }
    Location.parse(input); // a malformed location is refused now, not found later
    String id = inferenceId == null ? UUID.randomUUID().toString() : checkedId(inferenceId);
    AsyncJournal.Request request =
        new AsyncJournal.Request(
            id,
            input,
            contentType,
            accept,
            customAttributes,
            System.currentTimeMillis(),
            ttl,
            timeout);
    journal.accept(request);
    runners.execute(() -> run(request));
    return new Accepted(id, output(id), failure(id));
  }

  /**
   * The client's inference id, as the API allows it (1 to 64 printable characters, the first not a
   * space), and never one that would name a file outside the output or failure path: no {@code /},
   * no {@code \\}, no {@code ..} (on S3 the service would take {@code a/b} as a key; here it is
   * refused everywhere).
   */
  private static String checkedId(String id) {
    if (id.isEmpty()
        || id.length() > 64
        || Character.isWhitespace(id.charAt(0))
        || !id.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "X-Amzn-SageMaker-Inference-Id must be 1 to 64 printable characters, the first not a"
              + " space");
    }
    if (id.contains("/") || id.contains("\\") || id.contains("..")) {
      throw new IllegalArgumentException(
          "X-Amzn-SageMaker-Inference-Id '"
              + id
              + "' holds '/', '\\' or '..': its result would be written outside the output path");
    }
    return id;
  }

  private String output(String id) {
    return join(config.outputPath(), id + ".out");
  }

  private String failure(String id) {
    return join(
        config.failurePath() != null ? config.failurePath() : config.outputPath(),
        id + "-error.out");
  }

  private static String join(String base, String name) {
    return base.endsWith("/") ? base + name : base + "/" + name;
  }

  private void run(AsyncJournal.Request request) {
    String error;
    HttpResponse<byte[]> answer = null;
    try {
      long age = System.currentTimeMillis() - request.acceptedAtMillis();
      if (age > request.ttlSeconds() * 1000L) {
        error =
            "Request expired: it waited "
                + age / 1000
                + " s, over its RequestTTLSeconds "
                + request.ttlSeconds();
      } else {
        answer = invoke(request, read(request.input()));
        error =
            answer.statusCode() / 100 == 2
                ? null
                : "Received error ("
                    + answer.statusCode()
                    + ") from the model: "
                    + new String(answer.body(), StandardCharsets.UTF_8);
      }
    } catch (HttpTimeoutException e) {
      error =
          "Invocation timed out after "
              + request.timeoutSeconds()
              + " s (InvocationTimeoutSeconds)";
    } catch (IOException | RuntimeException e) {
      error = "Could not run the request: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // stopping: the journal keeps it for the next start
    }
    try {
      if (error == null) {
        write(output(request.id()), answer.body());
      } else {
        write(failure(request.id()), error.getBytes(StandardCharsets.UTF_8));
      }
      notify(request, error, answer);
      journal.finish(request.id(), error == null);
    } catch (IOException | RuntimeException e) {
      console.accept(
          "inference " + request.id() + ": its result could not be written: " + e.getMessage());
    }
  }

  private byte[] read(String input) throws IOException {
    Location location = Location.parse(input);
    long size = stores.of(location).size(location.bucket(), location.prefix());
    if (size < 0) {
      throw new IOException("input " + input + " does not exist");
    }
    if (size > MAX_INPUT) {
      throw new IOException("input " + input + " is " + size + " bytes, over the 1 GB limit");
    }
    try (InputStream in = stores.of(location).open(location.bucket(), location.prefix())) {
      return in.readAllBytes();
    }
  }

  private HttpResponse<byte[]> invoke(AsyncJournal.Request request, byte[] body)
      throws IOException, InterruptedException {
    Endpoint instance = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
    HttpRequest.Builder http =
        HttpRequest.newBuilder(instance.base().resolve("/invocations"))
            .timeout(Duration.ofSeconds(request.timeoutSeconds()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (request.contentType() != null) {
      http.header("Content-Type", request.contentType());
    }
    if (request.accept() != null) {
      http.header("Accept", request.accept());
    }
    if (request.customAttributes() != null) {
      http.header("X-Amzn-SageMaker-Custom-Attributes", request.customAttributes());
    }
    return client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Writes a result atomically: to a temporary file, then published in one step. */
  private void write(String uri, byte[] bytes) throws IOException {
    Location location = Location.parse(uri);
    Path temp = Files.createTempFile("batchserve-async-", ".out");
    try {
      Files.write(temp, bytes);
      stores.of(location).publish(temp, location.bucket(), location.prefix());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The message SageMaker publishes on success or error, as one JSON line. */
  private synchronized void notify(
      AsyncJournal.Request request, String error, HttpResponse<byte[]> answer) throws IOException {
    ObjectNode message = Json.MAPPER.createObjectNode();
    message.put("awsRegion", "local").put("eventTime", Instant.now().toString());
    message.put("receivedTime", Instant.ofEpochMilli(request.acceptedAtMillis()).toString());
    message.put("invocationStatus", error == null ? "Completed" : "Failed");
    ObjectNode parameters = message.putObject("requestParameters");
    parameters.put("contentType", request.contentType()).put("endpointName", endpoint);
    parameters.put("inputLocation", request.input());
    ObjectNode response = message.putObject("responseParameters");
    if (error == null) {
      response.put("contentType", answer.headers().firstValue("Content-Type").orElse(null));
      response.put("outputLocation", output(request.id()));
    } else {
      response.put("failureLocation", failure(request.id()));
      message.put("failureReason", error);
    }
    message.put("inferenceId", request.id()).put("eventVersion", "1.0");
    message.put("eventSource", "aws:sagemaker").put("eventName", "InferenceResult");
    Files.writeString(
        notifications, message + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Override
  public void close() throws IOException {
    runners.shutdownNow();
    journal.close();
  }
}
