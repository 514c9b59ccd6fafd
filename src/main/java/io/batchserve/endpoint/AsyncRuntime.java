package io.batchserve.endpoint;

import io.batchserve.transform.invoke.Endpoint;
import io.batchserve.transform.source.Location;
import io.batchserve.transform.source.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The asynchronous side of a local endpoint: {@code InvokeEndpointAsync} requests are journaled
 * ({@link AsyncJournal}) before they are acknowledged and wait in a queue (the backlog); each
 * instance {@link #attach attached} takes them from it, at most {@code
 * MaxConcurrentInvocationsPerInstance} at a time: the input is read from its location (S3 or a
 * local path), sent to the instance's {@code /invocations}, and the answer written to {@code
 * S3OutputPath/<InferenceId>.out}, or the error to {@code S3FailurePath/<InferenceId>-error.out};
 * then {@link Notifications} delivers the message SageMaker publishes. Requests left unfinished by
 * a crash are queued again on start. With no instance attached, requests wait (a scaled-to-zero
 * endpoint). Thread-safe.
 */
final class AsyncRuntime implements AutoCloseable {
  /** InvokeEndpointAsync's payload limit. */
  static final long MAX_INPUT = 1L << 30;

  static final int DEFAULT_TTL_SECONDS = 21_600;
  static final int DEFAULT_TIMEOUT_SECONDS = 900;

  /**
   * When no concurrency is configured (the service then chooses): one at a time, the safe choice.
   */
  static final int DEFAULT_PER_INSTANCE = 1;

  private final String endpoint;
  private final EndpointConfig.Async config;
  private final AsyncJournal journal;
  private final Stores stores;
  private final HttpClient client;
  private final Notifications notifications;
  private final Consumer<String> console;
  private final int maxBacklog;
  private final BlockingQueue<AsyncJournal.Request> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>(); // guarded by this
  private volatile boolean closed;

  /** What {@code InvokeEndpointAsync} answers with 202. */
  record Accepted(String inferenceId, String outputLocation, String failureLocation) {}

  /** Counts since start: accepted (resumed ones included), completed, failed. */
  record Counts(long accepted, long completed, long failed) {}

  /**
   * @param maxBacklog the most requests queued or running; more are refused (ServiceUnavailable)
   */
  AsyncRuntime(
      String endpoint,
      EndpointConfig.Async config,
      AsyncJournal journal,
      Stores stores,
      HttpClient client,
      Notifications notifications,
      int maxBacklog,
      Consumer<String> console) {
    this.endpoint = endpoint;
    this.config = config;
    this.journal = journal;
    this.stores = stores;
    this.client = client;
    this.notifications = notifications;
    this.maxBacklog = maxBacklog;
    this.console = console;
    List<AsyncJournal.Request> left = journal.pending();
    if (!left.isEmpty()) {
      console.accept(
          "resuming " + left.size() + " accepted request(s) a previous run left unfinished");
    }
    queue.addAll(left);
    accepted.addAndGet(left.size());
  }

  /** {@code MaxConcurrentInvocationsPerInstance}, or the service's default. */
  int perInstance() {
    return config.maxConcurrentPerInstance() > 0
        ? config.maxConcurrentPerInstance()
        : DEFAULT_PER_INSTANCE;
  }

  /** Requests queued or being processed: SageMaker's {@code ApproximateBacklogSize}. */
  long backlog() {
    return queue.size() + running.get();
  }

  /** How long the oldest queued request has waited, in seconds (0 when none waits). */
  long oldestAgeSeconds() {
    AsyncJournal.Request head = queue.peek();
    return head == null ? 0 : (System.currentTimeMillis() - head.acceptedAtMillis()) / 1000;
  }

  Counts counts() {
    return new Counts(accepted.get(), completed.get(), failed.get());
  }

  /**
   * Starts taking requests for {@code instance}, {@link #perInstance} at a time, until the returned
   * handle is detached.
   */
  Attachment attach(Endpoint instance) {
    Attachment attachment = new Attachment(instance);
    synchronized (this) {
      for (int i = 0; i < perInstance(); i++) {
        Thread t = new Thread(attachment::serve, "async-" + instance.base().getPort() + "-" + i);
        t.setDaemon(true);
        attachment.threads.add(t);
        threads.add(t);
      }
    }
    attachment.threads.forEach(Thread::start);
    return attachment;
  }

  /** An instance's share of the work: its threads take requests until {@link #detach}. */
  final class Attachment {
    private final Endpoint instance;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean detached;

    private Attachment(Endpoint instance) {
      this.instance = instance;
    }

    /**
     * Stops taking new requests and waits for those running on the instance to finish (a scale-in
     * drains the instance before it stops).
     */
    void detach() throws InterruptedException {
      detached = true;
      for (Thread t : threads) {
        t.join();
      }
      synchronized (AsyncRuntime.this) {
        AsyncRuntime.this.threads.removeAll(threads);
      }
    }

    private void serve() {
      try {
        while (!detached && !closed) {
          AsyncJournal.Request request = queue.poll(100, TimeUnit.MILLISECONDS);
          if (request != null) {
            running.incrementAndGet();
            try {
              run(request, instance);
            } finally {
              running.decrementAndGet();
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // stopping: the journal keeps what was not finished
      }
    }
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
    if (backlog() >= maxBacklog) {
      throw new BacklogFullException(
          "The endpoint's queue holds "
              + backlog()
              + " requests, its limit (--max-backlog "
              + maxBacklog
              + ")");
    }
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
    accepted.incrementAndGet();
    queue.add(request);
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

  /** Refused: the queue is at its limit. */
  static final class BacklogFullException extends IOException {
    BacklogFullException(String message) {
      super(message);
    }
  }

  private void run(AsyncJournal.Request request, Endpoint instance) {
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
        answer = invoke(request, read(request.input()), instance);
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
      queue.add(request); // stopping: the journal keeps it for the next start
      return;
    }
    try {
      if (error == null) {
        write(output(request.id()), answer.body());
      } else {
        write(failure(request.id()), error.getBytes(StandardCharsets.UTF_8));
      }
      notifications.deliver(message(request, error, answer == null ? null : answer.headers()));
      journal.finish(request.id(), error == null);
      (error == null ? completed : failed).incrementAndGet();
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

  private HttpResponse<byte[]> invoke(AsyncJournal.Request request, byte[] body, Endpoint instance)
      throws IOException, InterruptedException {
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

  private Notifications.Message message(
      AsyncJournal.Request request, String error, HttpHeaders answerHeaders) {
    return new Notifications.Message(
        endpoint,
        request.id(),
        request.acceptedAtMillis(),
        request.contentType(),
        request.input(),
        error == null ? answerHeaders.firstValue("Content-Type").orElse(null) : null,
        error == null ? output(request.id()) : null,
        error == null ? null : failure(request.id()),
        error);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    List<Thread> left;
    synchronized (this) {
      left = List.copyOf(threads);
    }
    left.forEach(Thread::interrupt);
    for (Thread t : left) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    journal.close();
  }
}
