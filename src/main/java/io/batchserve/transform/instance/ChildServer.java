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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A server in a child process on a free loopback port, with the environment the service would give
 * it. When it dies mid-job it is started again on a new port (at most {@code maxRestarts} attempts,
 * failed ones included). Thread-safe.
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
  private final Consumer<String> console;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile Process process;
  private volatile String container;
  private volatile boolean closed;
  private volatile URI base;
  private volatile long generation;

  ChildServer(
      String name,
      ServerCommand command,
      Map<String, String> environment,
      Path log,
      HttpClient client,
      Duration startupLimit,
      int maxRestarts,
      Consumer<String> console) {
    this.console = console;
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
    container =
        command.inContainer()
            ? "batchserve-" + ProcessHandle.current().pid() + "-" + name + "-" + generation
            : null;
    ProcessBuilder builder =
        new ProcessBuilder(command.args(port, environment, container))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("SAGEMAKER_") || k.startsWith("SM_"));
    if (!command.inContainer()) {
      builder.environment().putAll(environment);
      builder
          .environment()
          .putIfAbsent("OMP_NUM_THREADS", "1"); // as the image sets it: no OpenMP start-up per call
    }
    Process started = builder.start();
    process = started;
    if (closed) {
      stop(started, container);
      throw new IOException(name + ": the job is stopping");
    }
    base = URI.create("http://127.0.0.1:" + port);
    Readiness.await(
        client,
        base,
        startupLimit,
        new Readiness.Watch(started::isAlive, () -> LogTail.of(log, 15), true),
        name + " (log: " + log + ")",
        console);
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
    // a connection cut by a dying process can arrive before the process has exited: give it a
    // moment
    if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    String died = name + " (" + base + ") " + exit(process.exitValue());
    if (generation >= maxRestarts) {
      console.accept(
          died
              + "; not restarted: it was restarted "
              + generation
              + " time(s) already (--max-restarts); "
              + "its requests fail. Its log: "
              + log);
      return false;
    }
    generation++;
    console.accept(
        died
            + "; restarting it (restart "
            + generation
            + " of "
            + maxRestarts
            + ") and resending the "
            + inFlight.get()
            + " request(s) it had in flight. Its log: "
            + log);
    try {
      start();
      console.accept(name + " restarted on " + base);
      return true;
    } catch (IOException e) {
      console.accept(name + " could not be restarted: " + e.getMessage());
      return false;
    }
  }

  @Override
  public void requestStarted() {
    inFlight.incrementAndGet();
  }

  @Override
  public void requestEnded() {
    inFlight.decrementAndGet();
  }

  /**
   * "exited with code 3", or "was killed by signal 9 (SIGKILL)" (the JDK reports a signal as 128 +
   * its number).
   */
  static String exit(int code) {
    if (code > 128 && code < 128 + 65) {
      int signal = code - 128;
      String signalName =
          switch (signal) {
            case 1 -> " (SIGHUP)";
            case 2 -> " (SIGINT)";
            case 6 -> " (SIGABRT)";
            case 9 -> " (SIGKILL: killed, e.g. by the kernel's out-of-memory killer)";
            case 11 -> " (SIGSEGV)";
            case 15 -> " (SIGTERM)";
            default -> "";
          };
      return "was killed by signal " + signal + signalName;
    }
    return "exited with code " + code;
  }

  long restarts() {
    return generation;
  }

  /**
   * SIGTERM, then a kill after 10 s. Not synchronized, so that it never waits for a restart in
   * progress: a restart that sees {@code closed} stops its own process.
   */
  @Override
  public void close() {
    closed = true;
    stop(process, container);
  }

  /**
   * SIGTERM (for a container, the attached {@code docker run} passes it on, as {@code docker stop}
   * would), a kill after 10 s, and for a container a {@code docker rm -f} in any case, so that none
   * outlives the job.
   */
  private static void stop(Process process, String container) {
    try {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      if (container != null) {
        removeContainer(container);
      }
    }
  }

  private static void removeContainer(String container) {
    try {
      Process rm =
          new ProcessBuilder("docker", "rm", "-f", container)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      rm.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no docker CLI: nothing was started with it
    } catch (InterruptedException e) {
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
