package io.batchserve.transform.instance;

import io.batchserve.transform.invoke.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server in a child process on a free loopback port, with the environment the service would give it. When it
 * dies mid-job it is started again on a new port (at most {@code maxRestarts} attempts, failed ones included).
 * Thread-safe.
 */
final class ChildServer implements Endpoint, AutoCloseable {
  private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
  private final String name;
  private final ServerCommand command;
  private final Map<String, String> environment;
  private final Path log;
  private final HttpClient client;
  private final Duration startupLimit;
  private final int maxRestarts;
  private volatile Process process;
  private volatile boolean closed;
  private volatile URI base;
  private volatile long generation;

  ChildServer(String name, ServerCommand command, Map<String, String> environment, Path log, HttpClient client,
      Duration startupLimit, int maxRestarts) {
    this.name = name;
    this.command = command;
    this.environment = Map.copyOf(environment);
    this.log = log;
    this.client = client;
    this.startupLimit = startupLimit;
    this.maxRestarts = maxRestarts;
  }

  /** Starts the process and waits for /ping. */
  synchronized void start() throws IOException, InterruptedException {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(command.args(port)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("SAGEMAKER_") || k.startsWith("SM_"));
    builder.environment().putAll(environment);
    Process started = builder.start();
    process = started;
    if (closed) {
      stop(started);
      throw new IOException(name + ": the job is stopping");
    }
    base = URI.create("http://127.0.0.1:" + port);
    Readiness.await(client, base, startupLimit, started::isAlive, name + " (log: " + log + ")");
  }

  @Override
  public URI base() {
    return base;
  }

  @Override
  public long generation() {
    return generation;
  }

  @Override
  public synchronized boolean recover(long seenGeneration) throws InterruptedException {
    if (closed) {
      return false;
    }
    if (generation != seenGeneration) {
      return true;
    }
    // a connection cut by a dying process can arrive before the process has exited: give it a moment
    if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS) || generation >= maxRestarts) {
      return false;
    }
    generation++;
    try {
      start();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  long restarts() {
    return generation;
  }

  /**
   * SIGTERM, then a kill after 10 s. Not synchronized, so that it never waits for a restart in progress: a restart
   * that sees {@code closed} stops its own process.
   */
  @Override
  public void close() {
    closed = true;
    stop(process);
  }

  private static void stop(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return name + " " + base;
  }
}
