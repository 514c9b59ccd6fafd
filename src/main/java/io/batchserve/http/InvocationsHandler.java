package io.batchserve.http;

import io.batchserve.codec.MediaType;
import io.batchserve.codec.Negotiation;
import io.batchserve.codec.UnsupportedContentTypeException;
import io.batchserve.config.ServerConfig;
import io.batchserve.model.Model;
import io.batchserve.worker.WorkerPool;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /invocations}: read the body once without holding a thread ({@link BodyReader}),
 * choose the model, check Content-Type and Accept (both before any prediction), decode on the
 * thread that read the last byte, hand the records to the worker pool, and answer with exactly one
 * result per record, in order. The answer is encoded in the pool's completion stage, on the worker
 * that completed it, which is cheap next to the prediction (the threads are described once, in the
 * worker pool's implementation notes).
 */
final class InvocationsHandler implements Handler {
  /**
   * The request attribute holding its start ({@link System#nanoTime}), for the error path's stats.
   */
  static final String STARTED = "batchserve.started";

  private final ServerConfig config;
  private final ServerState state;
  private final WorkerPool pool;
  private final TrafficStats traffic;
  private final BodyRate bodyRate;

  InvocationsHandler(
      ServerConfig config,
      ServerState state,
      WorkerPool pool,
      TrafficStats traffic,
      BodyRate bodyRate) {
    this.config = config;
    this.bodyRate = bodyRate;
    this.state = state;
    this.pool = pool;
    this.traffic = traffic;
  }

  @Override
  public void handle(Context ctx) throws IOException {
    long started = System.nanoTime();
    ctx.attribute(STARTED, started);
    ModelRouter router = state.router();
    long contentLength = ctx.req().getContentLengthLong();
    ServletInputStream in = ctx.req().getInputStream();
    Body arrived = BodyReader.readIfArrived(in, contentLength, config.maxRequestBytes());
    if (arrived != null) {
      // the common case for small requests: the body came with the headers, so reading it cannot
      // block
      ctx.future(() -> answer(ctx, router, arrived, started));
      return;
    }
    // ctx.future starts async mode before it calls the supplier, so the body is read without
    // holding this thread.
    ctx.future(
        () ->
            BodyReader.read(in, contentLength, config.maxRequestBytes(), bodyRate)
                .thenCompose(body -> answer(ctx, router, body, started)));
  }

  /**
   * Runs on the thread that read the body's last byte (the handler's own, for a body that came
   * whole): routes, checks the types, decodes and submits. The answer is encoded and written in the
   * pool's completion stage.
   */
  private CompletableFuture<Void> answer(Context ctx, ModelRouter router, Body body, long started) {
    String contentTypeHeader = ctx.header("Content-Type");
    MediaType contentType = parseContentType(contentTypeHeader, router);
    Model<?, ?> model = router.route(contentType, ctx.header(ModelRouter.CUSTOM_ATTRIBUTES), body);
    if (!model.info().reads(contentType)) {
      throw new UnsupportedContentTypeException(
          contentTypeHeader, model.info().name(), model.info().contentTypes());
    }
    MediaType accept =
        Negotiation.chooseAccept(
            ctx.header("Accept"),
            model.info().accepts(),
            fallbackAccept(model, contentType),
            model.info().name());
    return run(model, contentType, accept, body)
        .thenAccept(
            bytes -> {
              ctx.status(200).contentType(accept.toString()).result(bytes);
              traffic.record(200, System.nanoTime() - started);
            });
  }

  private <B extends Model.Batch, R> CompletableFuture<byte[]> run(
      Model<B, R> model, MediaType contentType, MediaType accept, Body body) {
    B batch = model.decode(contentType, body.bytes(), body.length());
    return pool.submit(model, batch, config.requestTimeout())
        .thenApply(result -> model.encode(result, accept));
  }

  private static MediaType parseContentType(String header, ModelRouter router) {
    try {
      MediaType type = MediaType.parse(header);
      if (type != null) {
        return type;
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the supported types
    }
    List<MediaType> supported =
        router.models().stream().flatMap(m -> m.info().contentTypes().stream()).distinct().toList();
    String model =
        router.models().size() == 1 ? router.models().get(0).info().name() : "any loaded model";
    throw new UnsupportedContentTypeException(
        header == null || header.isBlank() ? "(none)" : header, model, supported);
  }

  /**
   * SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT when the model writes it, else the input's own type, else
   * the first.
   */
  private MediaType fallbackAccept(Model<?, ?> model, MediaType contentType) {
    List<MediaType> accepts = model.info().accepts();
    if (config.defaultAccept() != null && accepts.contains(config.defaultAccept())) {
      return config.defaultAccept();
    }
    return accepts.contains(contentType) ? contentType : accepts.get(0);
  }
}
