package io.batchserve.testing;

import io.batchserve.config.SageMakerEnv;
import io.batchserve.config.ServeFlags;
import io.batchserve.config.ServerConfig;
import io.batchserve.http.ModelServer;
import io.batchserve.http.ServerState;
import io.batchserve.model.Model;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Starts real model servers on a free loopback port for tests, and waits for them to be ready. */
public final class TestServers {
  private TestServers() {}

  /** Flags for a loopback server on port 0 over {@code modelDir}, with {@code workers} workers. */
  public static ServeFlags flags(Path modelDir, int workers) {
    return ServeFlags.builder()
        .port(0)
        .host("127.0.0.1")
        .modelDir(modelDir)
        .workers(workers)
        .build();
  }

  public static ServerConfig config(ServeFlags flags, Map<String, String> env) {
    return SageMakerEnv.resolve(flags, env, 2);
  }

  /** A ready server over a model directory. */
  public static ModelServer start(Path modelDir) {
    return awaitReady(ModelServer.start(config(flags(modelDir, 2), Map.of())));
  }

  /** A ready server over the given in-memory models. */
  public static ModelServer start(ServerConfig config, List<Model<?, ?>> models) {
    return awaitReady(ModelServer.start(config, () -> models));
  }

  public static ModelServer awaitReady(ModelServer server) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (server.state().phase() == ServerState.Phase.LOADING && System.nanoTime() < deadline) {
      sleep(10);
    }
    if (server.state().phase() != ServerState.Phase.READY) {
      server.close();
      throw new AssertionError("server did not become ready: " + server.state().phase());
    }
    return server;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
