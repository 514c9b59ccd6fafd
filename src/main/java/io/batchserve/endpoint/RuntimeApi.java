package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import io.batchserve.config.SageMakerLimits;
import io.batchserve.transform.invoke.Endpoint;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * SageMaker Runtime's {@code InvokeEndpoint} ({@code POST /endpoints/{EndpointName}/invocations}),
 * as boto3 and the AWS CLI send it, in front of an endpoint's instances: the body and the {@code
 * Content-Type}, {@code Accept} and {@code X-Amzn-SageMaker-Custom-Attributes} headers go to one
 * instance's {@code /invocations} (round robin), and its answer comes back with {@code
 * x-Amzn-Invoked-Production-Variant}. Errors are the service's: {@code ValidationError} (400) for
 * an unknown endpoint or a body over 6 MB, {@code ModelError} (424, with {@code OriginalStatusCode}
 * and {@code OriginalMessage}) when the container answers an error or does not answer in time,
 * {@code ServiceUnavailable} (503) when no instance can be reached. An asynchronous endpoint
 * answers {@code InvokeEndpointAsync} ({@code POST /endpoints/{EndpointName}/async-invocations})
 * and refuses {@code InvokeEndpoint} with a ValidationError, as the service does. {@code GET
 * /metrics} (not a SageMaker API) answers the endpoint's {@link Metrics} as JSON. Requests are
 * SigV4-signed by clients; any signature is accepted.
 */
final class RuntimeApi implements AutoCloseable {
  /** InvokeEndpoint's payload limit. */
  static final long MAX_BODY = 6 * SageMakerLimits.MEBIBYTE;

  private final Javalin app;
  private final String name;
  private final String variant;
  private final Supplier<List<Endpoint>> instances;
  private final Supplier<Metrics> metrics;
  private final HttpClient client;
  private final Duration timeout;
  private final AtomicInteger next = new AtomicInteger();
  private final AsyncRuntime async;

  private RuntimeApi(
      String name,
      String variant,
      Supplier<List<Endpoint>> instances,
      HttpClient client,
      Duration timeout,
      AsyncRuntime async,
      Supplier<Metrics> metrics) {
    this.async = async;
    this.metrics = metrics;
    this.name = name;
    this.variant = variant;
    this.instances = instances;
    this.client = client;
    this.timeout = timeout;
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize =
                  MAX_BODY + SageMakerLimits.MEBIBYTE; // to answer with our error
              cfg.routes.post("/endpoints/{endpoint}/invocations", this::invoke);
              cfg.routes.post("/endpoints/{endpoint}/async-invocations", this::invokeAsync);
              cfg.routes.get(
                  "/metrics",
                  ctx -> ctx.contentType("application/json").result(metrics.get().json()));
            });
  }

  /**
   * Serves the API on {@code host:port} (0 picks a port) for the endpoint {@code name}.
   *
   * @param timeout how long an instance may take to answer (the service's is 60 s)
   * @param instances the instances in service now
   * @param async the asynchronous side, or null for a real-time endpoint
   * @param metrics what {@code GET /metrics} answers
   */
  static RuntimeApi start(
      String host,
      int port,
      String name,
      String variant,
      Supplier<List<Endpoint>> instances,
      HttpClient client,
      Duration timeout,
      AsyncRuntime async,
      Supplier<Metrics> metrics) {
    RuntimeApi api = new RuntimeApi(name, variant, instances, client, timeout, async, metrics);
    api.app.start(host, port);
    return api;
  }

  public int port() {
    return app.port();
  }

  private void invoke(Context ctx) throws InterruptedException {
    if (!knownEndpoint(ctx)) {
      return;
    }
    if (async != null) {
      error(
          ctx,
          400,
          "ValidationError",
          "Endpoint "
              + name
              + " is an asynchronous endpoint: call InvokeEndpointAsync"
              + " (invoke_endpoint_async), as the service requires");
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY) {
      error(
          ctx,
          400,
          "ValidationError",
          "Request payload of " + body.length + " bytes is over InvokeEndpoint's 6 MB limit");
      return;
    }
    List<Endpoint> now = instances.get();
    if (now.isEmpty()) {
      error(ctx, 503, "ServiceUnavailable", "Endpoint " + name + " has no instance in service");
      return;
    }
    Endpoint instance = now.get(Math.floorMod(next.getAndIncrement(), now.size()));
    HttpResponse<byte[]> answer;
    try {
      answer = send(instance, ctx, body);
    } catch (HttpTimeoutException e) {
      modelError(
          ctx, 0, "Your invocation timed out while waiting for a response from container primary");
      return;
    } catch (IOException e) {
      error(
          ctx,
          503,
          "ServiceUnavailable",
          "Instance " + instance.base() + " cannot be reached: " + e.getMessage());
      return;
    }
    if (answer.statusCode() / 100 != 2) {
      modelError(ctx, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
      return;
    }
    ctx.status(200).result(answer.body());
    ctx.header("x-Amzn-Invoked-Production-Variant", variant);
    answer.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
    answer
        .headers()
        .firstValue("X-Amzn-SageMaker-Custom-Attributes")
        .ifPresent(v -> ctx.header("X-Amzn-SageMaker-Custom-Attributes", v));
  }

  /**
   * Sends to the instance; a connection failure restarts a dead child server and sends once more.
   */
  private HttpResponse<byte[]> send(Endpoint instance, Context ctx, byte[] body)
      throws IOException, InterruptedException {
    long generation = instance.generation();
    try {
      return client.send(
          request(instance.base(), ctx, body), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      if (!instance.recover(generation)) {
        throw e;
      }
      return client.send(
          request(instance.base(), ctx, body), HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  private HttpRequest request(URI base, Context ctx, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/invocations"))
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : List.of("Content-Type", "Accept", "X-Amzn-SageMaker-Custom-Attributes")) {
      String value = ctx.header(header);
      if (value != null) {
        request.header(header, value);
      }
    }
    return request.build();
  }

  /**
   * InvokeEndpointAsync: 202 with the {@code InferenceId} and the output and failure locations once
   * the request is journaled.
   */
  private void invokeAsync(Context ctx) {
    if (!knownEndpoint(ctx)) {
      return;
    }
    if (async == null) {
      error(
          ctx,
          400,
          "ValidationError",
          "Endpoint "
              + name
              + " is not an asynchronous endpoint: its config has no AsyncInferenceConfig");
      return;
    }
    AsyncRuntime.Accepted accepted;
    try {
      accepted =
          async.accept(
              ctx.header("X-Amzn-SageMaker-InputLocation"),
              ctx.header("X-Amzn-SageMaker-Content-Type"),
              ctx.header("X-Amzn-SageMaker-Accept"),
              ctx.header("X-Amzn-SageMaker-Custom-Attributes"),
              ctx.header("X-Amzn-SageMaker-Inference-Id"),
              integer(ctx, "X-Amzn-SageMaker-RequestTTLSeconds"),
              integer(ctx, "X-Amzn-SageMaker-InvocationTimeoutSeconds"));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "ValidationError", e.getMessage());
      return;
    } catch (AsyncRuntime.BacklogFullException e) {
      error(ctx, 503, "ServiceUnavailable", e.getMessage());
      return;
    } catch (IOException e) {
      error(ctx, 500, "InternalFailure", "The request could not be queued: " + e.getMessage());
      return;
    }
    ctx.status(202).contentType("application/json");
    ctx.header("X-Amzn-SageMaker-OutputLocation", accepted.outputLocation());
    ctx.header("X-Amzn-SageMaker-FailureLocation", accepted.failureLocation());
    ctx.result(
        Json.MAPPER.createObjectNode().put("InferenceId", accepted.inferenceId()).toString());
  }

  private static Integer integer(Context ctx, String header) {
    String value = ctx.header(header);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(header + ": '" + value + "' is not a whole number", e);
    }
  }

  private boolean knownEndpoint(Context ctx) {
    String asked = ctx.pathParam("endpoint");
    if (asked.equals(name)) {
      return true;
    }
    error(ctx, 400, "ValidationError", "Endpoint " + asked + " of account 000000000000 not found.");
    return false;
  }

  private void modelError(Context ctx, int originalStatus, String originalMessage) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    String kind = originalStatus >= 400 && originalStatus < 500 ? "client" : "server";
    body.put(
        "Message",
        "Received "
            + kind
            + " error ("
            + originalStatus
            + ") from primary with message \""
            + originalMessage
            + "\". See the instance logs for more information.");
    body.put("OriginalStatusCode", originalStatus);
    body.put("OriginalMessage", originalMessage);
    body.put("LogStreamArn", "local:" + name);
    ctx.status(424).header("x-amzn-ErrorType", "ModelError").contentType("application/json");
    ctx.result(body.toString());
  }

  /** A rest-json error as the service writes it: the code in a header, the message in the body. */
  private static void error(Context ctx, int status, String code, String message) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("message", message);
    ctx.status(status).header("x-amzn-ErrorType", code).contentType("application/json");
    ctx.result(body.toString());
  }

  @Override
  public void close() {
    app.stop();
  }
}
