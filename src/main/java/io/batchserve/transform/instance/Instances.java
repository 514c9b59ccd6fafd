package io.batchserve.transform.instance;

import io.batchserve.transform.invoke.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The job's instances: child servers started (in parallel) and stopped by the harness, or running
 * servers given by URL, which are only waited for. {@link #close} stops every child, also after a
 * failure.
 */
public final class Instances implements AutoCloseable {
  private final List<Endpoint> endpoints;
  private final List<ChildServer> children;
  private final Thread onExit;

  private Instances(List<Endpoint> endpoints, List<ChildServer> children) {
    this.endpoints = List.copyOf(endpoints);
    this.children = List.copyOf(children);
    this.onExit = new Thread(this::stopChildren, "stop-instances");
    if (!children.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(onExit);
    }
  }

  /**
   * How to start children: the command, the environment, where logs go, how long start-up may take.
   */
  public record Launch(
      ServerCommand command,
      Map<String, String> environment,
      Path logDir,
      Duration startupLimit,
      int maxRestarts,
      Consumer<String> console) {}

  /** Starts {@code instance-1} to {@code instance-<count>}, in parallel. */
  public static Instances start(Launch launch, int count, HttpClient client)
      throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      names.add("instance-" + i);
    }
    return start(launch, names, client);
  }

  /**
   * Starts one child per name, in parallel; each logs to {@code <logDir>/<name>.log}. Returns once
   * every one answers /ping; when one fails, all are stopped.
   */
  public static Instances start(Launch launch, List<String> names, HttpClient client)
      throws IOException, InterruptedException {
    Files.createDirectories(launch.logDir());
    List<ChildServer> children = new ArrayList<>();
    for (String name : names) {
      children.add(
          new ChildServer(
              name,
              launch.command(),
              launch.environment(),
              launch.logDir().resolve(name + ".log"),
              client,
              launch.startupLimit(),
              launch.maxRestarts(),
              launch.console()));
    }
    Instances instances = new Instances(new ArrayList<>(children), children);
    ExecutorService starter = Executors.newFixedThreadPool(names.size());
    try {
      List<Future<Object>> started = new ArrayList<>();
      for (ChildServer child : children) {
        started.add(
            starter.submit(
                () -> {
                  child.start();
                  return null;
                }));
      }
      for (Future<Object> future : started) {
        future.get();
      }
      return instances;
    } catch (ExecutionException e) {
      instances.close();
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      instances.close();
      throw e;
    } finally {
      starter.shutdownNow();
    }
  }

  /** Running servers given by URL; waits until each answers /ping. */
  public static Instances connect(
      List<URI> urls, HttpClient client, Duration startupLimit, Consumer<String> console)
      throws IOException, InterruptedException {
    List<Endpoint> endpoints = new ArrayList<>();
    for (URI url : urls) {
      Readiness.await(client, url, startupLimit, Readiness.Watch.URL, url.toString(), console);
      endpoints.add(new RemoteServer(url));
    }
    return new Instances(endpoints, List.of());
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** Restarts of dead children so far. */
  public long restarts() {
    return children.stream().mapToLong(ChildServer::restarts).sum();
  }

  /**
   * Stops every child (SIGTERM, then kill); also runs on Ctrl-C or any other JVM exit while the job
   * runs.
   */
  @Override
  public void close() {
    stopChildren();
    if (!children.isEmpty()) {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running or has run
      }
    }
  }

  private void stopChildren() {
    children.parallelStream().forEach(ChildServer::close);
  }
}
