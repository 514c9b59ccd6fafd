package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where an asynchronous endpoint's results are announced, since no SNS topic is reachable: each
 * message SageMaker would publish (to the config's SuccessTopic or ErrorTopic) is appended as one
 * line to a JSON Lines file, and, when a webhook is given, POSTed to it as JSON. The file is
 * written before the request is journaled as finished; webhook calls go out in order on one thread
 * (3 attempts, 10 s each), so a slow or dead webhook never holds an instance; one that still fails
 * is reported on the console, and the file keeps the message. Thread-safe.
 */
final class Notifications implements AutoCloseable {
  private static final int ATTEMPTS = 3;
  private final Path file;
  private final URI webhook;
  private final HttpClient client;
  private final Consumer<String> console;
  private final ExecutorService sender;

  /**
   * A finished request, as the notification reports it.
   *
   * @param error the failure reason, or null on success
   */
  record Message(
      String endpoint,
      String inferenceId,
      long receivedAtMillis,
      String contentType,
      String inputLocation,
      String outputContentType,
      String outputLocation,
      String failureLocation,
      String error) {
    /** The fields of SageMaker's notification message, in its order. */
    String json(Instant now) {
      ObjectNode message = Json.MAPPER.createObjectNode();
      message.put("awsRegion", "local").put("eventTime", now.toString());
      message.put("receivedTime", Instant.ofEpochMilli(receivedAtMillis).toString());
      message.put("invocationStatus", error == null ? "Completed" : "Failed");
      ObjectNode parameters = message.putObject("requestParameters");
      parameters.put("contentType", contentType).put("endpointName", endpoint);
      parameters.put("inputLocation", inputLocation);
      ObjectNode response = message.putObject("responseParameters");
      if (error == null) {
        response.put("contentType", outputContentType).put("outputLocation", outputLocation);
      } else {
        response.put("failureLocation", failureLocation);
        message.put("failureReason", error);
      }
      message.put("inferenceId", inferenceId).put("eventVersion", "1.0");
      message.put("eventSource", "aws:sagemaker").put("eventName", "InferenceResult");
      return message.toString();
    }
  }

  /**
   * @param webhook where to POST each message, or null
   */
  Notifications(Path file, URI webhook, HttpClient client, Consumer<String> console) {
    this.file = file;
    this.webhook = webhook;
    this.client = client;
    this.console = console;
    this.sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "notification-webhook");
              t.setDaemon(true);
              return t;
            });
  }

  /** Appends the message to the file, then queues it for the webhook. */
  void deliver(Message message) throws IOException {
    String json = message.json(Instant.now());
    synchronized (this) {
      Files.writeString(file, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    if (webhook != null) {
      sender.execute(() -> post(message.inferenceId(), json));
    }
  }

  private void post(String id, String json) {
    String problem = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(webhook)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 == 2) {
          return;
        }
        problem = "it answered " + answer.statusCode();
      } catch (IOException e) {
        problem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(1000L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    console.accept(
        "notification of inference "
            + id
            + " not delivered to "
            + webhook
            + " after "
            + ATTEMPTS
            + " attempts ("
            + problem
            + "); it is in "
            + file);
  }

  /** Waits up to 10 s for the webhook calls still queued. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.shutdownNow();
  }
}
