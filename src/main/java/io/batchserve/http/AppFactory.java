package io.batchserve.http;

import io.batchserve.config.ServerConfig;
import io.batchserve.worker.WorkerPool;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * Builds the Javalin app for the container contract, with every setting that differs from Javalin's
 * written out.
 */
final class AppFactory {
  private AppFactory() {}

  /**
   * 200 with an empty body when ready; otherwise 503 with a JSON error saying why, ModelLoadFailed
   * when loading failed for good, so that a harness waiting for the server can stop waiting
   * (SageMaker reads only the status).
   */
  private static void ping(Context ctx, ServerState state) {
    ServerState.Phase phase = state.phase();
    if (phase == ServerState.Phase.READY) {
      ctx.status(200);
      return;
    }
    String error = phase == ServerState.Phase.FAILED ? "ModelLoadFailed" : "NotReady";
    ctx.status(503).contentType("application/json").result(ErrorMapper.body(error, state.reason()));
  }

  static Javalin create(
      ServerConfig config,
      ServerState state,
      WorkerPool pool,
      TrafficStats traffic,
      BodyRate bodyRate) {
    InvocationsHandler invocations = new InvocationsHandler(config, state, pool, traffic, bodyRate);
    byte[] executionParameters =
        config.executionParameters().toJson().getBytes(StandardCharsets.UTF_8);
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.startup.showOldJavalinVersionWarning = false;
          // Javalin's default is 1 MB; SageMaker sends up to MaxPayloadInMB (6 MB by default, at
          // most 100 MB).
          cfg.http.maxRequestSize = config.maxRequestBytes();
          cfg.http.generateEtags = false;
          cfg.http.asyncTimeout = 0; // the worker pool enforces the request deadline itself
          cfg.http.prefer405over404 = true;
          cfg.jetty.modifyServer(
              server -> {
                server.setStopTimeout(config.shutdownGrace().toMillis());
                server.setErrorHandler(new JsonErrorHandler());
              });
          cfg.routes.get(Routes.PING, ctx -> ping(ctx, state));
          cfg.routes.get(
              Routes.EXECUTION_PARAMETERS,
              ctx -> ctx.contentType("application/json").result(executionParameters));
          cfg.routes.post(Routes.INVOCATIONS, invocations);
          cfg.routes.error(404, ErrorMapper::routingError);
          cfg.routes.error(405, ErrorMapper::routingError);
          cfg.routes.exception(
              Exception.class,
              (e, ctx) -> {
                int status = ErrorMapper.handle(e, ctx);
                Long started = ctx.attribute(InvocationsHandler.STARTED);
                if (started != null) {
                  traffic.record(status, System.nanoTime() - started);
                }
              });
        });
  }
}
