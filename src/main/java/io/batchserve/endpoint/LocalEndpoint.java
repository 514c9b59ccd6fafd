package io.batchserve.endpoint;

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
 * A local stand-in for a SageMaker real-time endpoint: the config's instances (child servers of
 * this jar or containers of an image, started as the harness starts them, or running servers given
 * by URL) behind {@link RuntimeApi}. {@link #close} stops the API, then every instance it started.
 */
public final class LocalEndpoint implements AutoCloseable {
  private final Instances instances;
  private final RuntimeApi api;
  private final AsyncRuntime async;
  private final Stores stores;

  private LocalEndpoint(Instances instances, RuntimeApi api, AsyncRuntime async, Stores stores) {
    this.instances = instances;
    this.api = api;
    this.async = async;
    this.stores = stores;
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
   * @param stateDir where an asynchronous endpoint keeps its journal and notifications
   * @param s3 how to reach S3 for asynchronous inputs and outputs
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
      Path stateDir,
      Stores.S3Settings s3) {}

  public static LocalEndpoint start(Settings settings, Consumer<String> console)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Duration startup = Duration.ofMinutes(5);
    Instances instances =
        settings.urls().isEmpty()
            ? Instances.start(
                new Instances.Launch(
                    settings.server(), Map.of(), settings.logDir(), startup, 3, console),
                settings.config().instances(),
                client)
            : Instances.connect(settings.urls(), client, startup, console);
    Stores stores = new Stores(settings.s3());
    AsyncRuntime async = null;
    try {
      if (settings.config().asynchronous()) {
        async =
            new AsyncRuntime(
                settings.name(),
                settings.config().async(),
                AsyncJournal.open(settings.stateDir()),
                stores,
                instances.endpoints(),
                client,
                settings.stateDir().resolve("notifications.jsonl"),
                console);
      }
      RuntimeApi api =
          RuntimeApi.start(
              settings.host(),
              settings.port(),
              settings.name(),
              settings.config().variant(),
              instances.endpoints(),
              client,
              settings.invocationTimeout(),
              async);
      return new LocalEndpoint(instances, api, async, stores);
    } catch (IOException | RuntimeException e) {
      if (async != null) {
        async.close();
      }
      stores.close();
      instances.close();
      throw e;
    }
  }

  public int port() {
    return api.port();
  }

  @Override
  public void close() throws IOException {
    try {
      api.close();
      if (async != null) {
        async.close();
      }
    } finally {
      stores.close();
      instances.close();
    }
  }
}
