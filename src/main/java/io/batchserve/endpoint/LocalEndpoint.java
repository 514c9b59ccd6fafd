package io.batchserve.endpoint;

import io.batchserve.time.Ticker;
import io.batchserve.transform.instance.Instances;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.source.Stores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A local stand-in for a SageMaker endpoint: its instances (child servers of this jar or containers
 * of an image, started as the harness starts them, or running servers given by URL) in a {@link
 * Fleet}, behind {@link RuntimeApi}. An asynchronous endpoint adds the queue ({@link AsyncRuntime})
 * and its {@link Watch}, which scales the fleet when a scaling policy is given. {@link #close}
 * stops the API, the watch and the queue's work, then every instance, and prints the run summary.
 */
public final class LocalEndpoint implements AutoCloseable {
  private final String name;
  private final Fleet fleet;
  private final RuntimeApi api;
  private final AsyncRuntime async;
  private final Notifications notifications;
  private final Thread watch;
  private final Stores stores;
  private final Consumer<String> console;
  private final long startedAt;

  private LocalEndpoint(
      String name,
      Fleet fleet,
      RuntimeApi api,
      AsyncRuntime async,
      Notifications notifications,
      Thread watch,
      Stores stores,
      Consumer<String> console,
      long startedAt) {
    this.startedAt = startedAt;
    this.name = name;
    this.fleet = fleet;
    this.api = api;
    this.async = async;
    this.notifications = notifications;
    this.watch = watch;
    this.stores = stores;
    this.console = console;
  }

  /**
   * Where and how it runs.
   *
   * @param name the endpoint's name in request paths
   * @param config the CreateEndpointConfig request
   * @param server how to start an instance; unused when {@code urls} are given
   * @param urls running servers to use as the instances, or empty
   * @param host the address to bind (loopback unless told otherwise)
   * @param port the port (0 picks one)
   * @param logDir where the instances' logs go
   * @param invocationTimeout how long an instance may take to answer a real-time request
   * @param s3 how to reach S3 for asynchronous inputs and outputs
   * @param async how an asynchronous endpoint keeps, scales and reports its queue
   */
  public record Settings(
      String name,
      EndpointConfig config,
      ServerCommand server,
      List<URI> urls,
      String host,
      int port,
      Path logDir,
      Duration invocationTimeout,
      Stores.S3Settings s3,
      AsyncSettings async) {}

  /**
   * An asynchronous endpoint's own settings.
   *
   * @param stateDir where its journal and notifications.jsonl are kept
   * @param scaling the scaling policy, or null for a fixed instance count
   * @param webhook where notifications are also POSTed, or null
   * @param maxBacklog the most requests queued or running; more are refused
   * @param sample how often the backlog is sampled (and scaling decided)
   * @param metricsEvery how often the metrics line is printed (when it changed)
   */
  public record AsyncSettings(
      Path stateDir,
      ScalingPolicy scaling,
      URI webhook,
      int maxBacklog,
      Duration sample,
      Duration metricsEvery) {
    public AsyncSettings {
      if (maxBacklog < 1) {
        throw new IllegalArgumentException("--max-backlog " + maxBacklog + ": must be at least 1");
      }
      if (sample.isNegative() || sample.isZero() || metricsEvery.isNegative()) {
        throw new IllegalArgumentException(
            "sampling every " + sample + ", metrics every " + metricsEvery + ": must be positive");
      }
    }

    /** A fixed count, default limits, a sample a second and the metrics line a minute. */
    public static AsyncSettings of(Path stateDir) {
      return new AsyncSettings(
          stateDir, null, null, 1_000_000, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }
  }

  public static LocalEndpoint start(Settings settings, Consumer<String> console)
      throws IOException, InterruptedException {
    long startedAt = System.nanoTime();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    Stores stores = new Stores(settings.s3());
    AsyncSettings options = settings.async();
    boolean asynchronous = settings.config().asynchronous();
    Notifications notifications = null;
    AsyncRuntime async = null;
    Fleet fleet = null;
    try {
      if (asynchronous) {
        notifications =
            new Notifications(
                options.stateDir().resolve("notifications.jsonl"),
                options.webhook(),
                client,
                console);
        async =
            new AsyncRuntime(
                settings.name(),
                settings.config().async(),
                AsyncJournal.open(options.stateDir()),
                stores,
                client,
                notifications,
                options.maxBacklog(),
                console);
      }
      AsyncRuntime queue = async;
      fleet =
          new Fleet(
              launcher(settings, client, console),
              e -> queue == null ? Fleet.Duty.NONE : queue.attach(e)::detach,
              Ticker.system(),
              console);
      fleet.scaleTo(
          settings.urls().isEmpty() ? settings.config().instances() : fleet.limit(), false);
      Fleet instances = fleet;
      RuntimeApi api =
          RuntimeApi.start(
              settings.host(),
              settings.port(),
              settings.name(),
              settings.config().variant(),
              instances::endpoints,
              client,
              settings.invocationTimeout(),
              async,
              () -> Metrics.of(settings.name(), queue, instances));
      Thread watch = null;
      if (asynchronous) {
        watch =
            new Thread(
                new Watch(
                    () -> Metrics.of(settings.name(), queue, instances),
                    fleet,
                    options.scaling() == null
                        ? null
                        : new Scaler(options.scaling(), Ticker.system()),
                    Ticker.system(),
                    options.sample(),
                    options.metricsEvery(),
                    console),
                "endpoint-watch");
        watch.setDaemon(true);
        watch.start();
      }
      return new LocalEndpoint(
          settings.name(), fleet, api, async, notifications, watch, stores, console, startedAt);
    } catch (IOException | RuntimeException | InterruptedException e) {
      closeAll(async, notifications, fleet, stores);
      throw e;
    }
  }

  /** Child servers in slots 1..n, or the given URLs (slot k is URL k, which is only connected). */
  private static Fleet.Launcher launcher(
      Settings settings, HttpClient client, Consumer<String> console) {
    Duration startup = Duration.ofMinutes(5);
    if (!settings.urls().isEmpty()) {
      return new Fleet.Launcher() {
        @Override
        public Fleet.Started start(int slot) throws IOException, InterruptedException {
          return Fleet.Started.of(
              Instances.connect(List.of(settings.urls().get(slot - 1)), client, startup, console));
        }

        @Override
        public int limit() {
          return settings.urls().size();
        }
      };
    }
    Instances.Launch launch =
        new Instances.Launch(settings.server(), Map.of(), settings.logDir(), startup, 3, console);
    return new Fleet.Launcher() {
      @Override
      public Fleet.Started start(int slot) throws IOException, InterruptedException {
        return Fleet.Started.of(Instances.start(launch, List.of("instance-" + slot), client));
      }

      @Override
      public int limit() {
        return Integer.MAX_VALUE;
      }
    };
  }

  public int port() {
    return api.port();
  }

  /** What {@code GET /metrics} answers now, as JSON. */
  public String metrics() {
    return Metrics.of(name, async, fleet).json();
  }

  @Override
  public void close() throws IOException {
    try {
      api.close();
      if (watch != null) {
        watch.interrupt();
        try {
          watch.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      closeAll(async, notifications, fleet, stores);
      console.accept(Metrics.of(name, async, fleet).summary((System.nanoTime() - startedAt) / 1e9));
    }
  }

  private static void closeAll(
      AsyncRuntime async, Notifications notifications, Fleet fleet, Stores stores)
      throws IOException {
    try {
      if (async != null) {
        async.close();
      }
    } finally {
      if (notifications != null) {
        notifications.close();
      }
      if (fleet != null) {
        fleet.close();
      }
      stores.close();
    }
  }
}
