package io.batchserve.http;

import io.batchserve.config.ServerConfig;
import io.batchserve.model.Engine;
import io.batchserve.model.LoadOptions;
import io.batchserve.model.Model;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.ModelLoader;
import io.batchserve.time.Ticker;
import io.batchserve.worker.PoolConfig;
import io.batchserve.worker.WorkerPool;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.AbstractConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running model server: the HTTP listener starts at once (so {@code /ping} answers 503 while
 * loading), the models load and warm up on a background thread, and {@link #close} drains admitted
 * requests before stopping.
 */
public final class ModelServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

  /** Where the models come from; the model directory by default, anything in tests. */
  @FunctionalInterface
  public interface ModelSource {
    List<Model<?, ?>> load() throws ModelLoadException;
  }

  private final ServerConfig config;
  private final ServerState state = new ServerState();
  private final WorkerPool pool;
  private final Javalin app;
  private final StatsReporter stats;
  private final ScheduledExecutorService statsTimer;
  private final ScheduledExecutorService bodyTimer;
  private final BodyRate bodyRate;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ModelServer(ServerConfig config) {
    this.config = config;
    this.pool =
        new WorkerPool(
            new PoolConfig(
                config.workers(),
                config.queueCapacity(),
                config.maxBatchRecords(),
                config.maxBatchDelay()),
            Ticker.system());
    TrafficStats traffic = new TrafficStats();
    this.bodyTimer = Executors.newSingleThreadScheduledExecutor(daemon("request-body-rate"));
    this.bodyRate =
        new BodyRate(config.minRequestRate(), config.requestGrace().toNanos(), Ticker.system());
    this.app = AppFactory.create(config, state, pool, traffic, bodyRate);
    this.stats =
        new StatsReporter(
            traffic,
            pool::stats,
            config.workers(),
            pool::queued,
            config.queueCapacity(),
            state::engines,
            Ticker.system());
    this.statsTimer =
        config.statsInterval().isZero()
            ? null
            : Executors.newSingleThreadScheduledExecutor(daemon("stats"));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public static ModelServer start(ServerConfig config) {
    return start(
        config,
        () ->
            ModelLoader.load(
                config.modelDir(),
                new LoadOptions(
                    config.libsvmIndexBase(),
                    Engine.parse(config.engine()),
                    config.inferenceOutput(),
                    config.inferenceEnsemble(),
                    config.batch().batch())));
  }

  public static ModelServer start(ServerConfig config, ModelSource source) {
    logSettings(config);
    ModelServer server = new ModelServer(config);
    server.app.start(config.host(), config.port());
    // On stop, Jetty waits for idle keep-alive connections to close (1 s by default); busy ones
    // still finish.
    for (var connector : server.app.jettyServer().server().getConnectors()) {
      if (connector instanceof AbstractConnector c) {
        c.setShutdownIdleTimeout(100);
      }
    }
    LOG.info(
        "listening on {}:{}; /ping answers 503 until the models are loaded",
        config.host(),
        server.port());
    if (server.bodyRate.enabled()) {
      server.bodyTimer.scheduleAtFixedRate(server.bodyRate::sweep, 1, 1, TimeUnit.SECONDS);
    }
    if (server.statsTimer != null) {
      long every = config.statsInterval().toMillis();
      server.statsTimer.scheduleAtFixedRate(server::logStats, every, every, TimeUnit.MILLISECONDS);
    }
    Thread loader = new Thread(() -> server.load(source), "model-loader");
    loader.setDaemon(true);
    loader.start();
    return server;
  }

  private void load(ModelSource source) {
    long start = System.nanoTime();
    try {
      List<Model<?, ?>> models = source.load();
      for (Model<?, ?> model : models) {
        model.warmUp();
        LOG.info(
            "loaded model '{}' ({}, {} engine): {}",
            model.info().name(),
            model.info().kind(),
            model.engine(),
            model.info().summary());
      }
      state.ready(models);
      LOG.info(
          "ready: {} model(s) loaded and warmed up in {} ms",
          models.size(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (ModelLoadException e) {
      state.failed("loading the models failed: " + e.getMessage());
      LOG.error(
          "loading the models from {} failed; /ping will answer 503: {}",
          config.modelDir(),
          e.getMessage());
    } catch (RuntimeException e) {
      state.failed("loading the models failed: " + e);
      LOG.error("loading the models from {} failed; /ping will answer 503", config.modelDir(), e);
    }
  }

  private static void logSettings(ServerConfig c) {
    LOG.info("model directory {}", c.modelDir().toAbsolutePath());
    LOG.info(
        "{} processors detected; {} workers, queue capacity {}, batch budget {} records / {} ms",
        c.processors(),
        c.workers(),
        c.queueCapacity(),
        c.maxBatchRecords(),
        c.maxBatchDelay().toMillis());
    LOG.info(
        "request timeout {} s, body limit {} bytes, batch mode {}, /execution-parameters {}",
        c.requestTimeout().toSeconds(),
        c.maxRequestBytes(),
        c.batch().batch(),
        c.executionParameters().toJson());
  }

  /**
   * Logs the traffic since the last line, if there was any; never throws (it runs on the
   * scheduler).
   */
  private synchronized void logStats() {
    try {
      String line = stats.report();
      if (line != null) {
        LOG.info(line);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not write the stats line", e);
    }
  }

  /** The stats line for the traffic since the last one (null when idle), for tests. */
  synchronized String statsLine() {
    return stats.report();
  }

  public int port() {
    return app.port();
  }

  public ServerState state() {
    return state;
  }

  /**
   * Stops taking requests, answers those admitted (up to the grace period), then stops the
   * listener.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info(
        "shutting down: refusing new requests, draining admitted ones (up to {} s)",
        config.shutdownGrace().toSeconds());
    state.draining();
    boolean drained = pool.shutdown(config.shutdownGrace());
    app.stop();
    bodyTimer.shutdownNow();
    if (statsTimer != null) {
      statsTimer.shutdownNow();
      logStats();
    }
    LOG.info("stopped{}", drained ? "" : " (some admitted requests were not answered in time)");
  }
}
