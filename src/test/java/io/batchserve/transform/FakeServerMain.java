package io.batchserve.transform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child "server" for harness tests, started as {@code FakeServerMain serve --host H --port P
 * --model-dir D}. It answers like {@link FakeContainer#ECHO} on port P. In D it writes {@code
 * env-<n>.txt} (its SAGEMAKER_* and FOO variables) for the n-th start and appends each request's
 * first line to {@code requests-<port>.log}, and {@code pid-<n>} holds its process id. If D holds
 * {@code delay-ms}, each answer waits that long. If D holds {@code die-after} with a number k, the
 * first start halts the process on its k-th request, before answering.
 */
public final class FakeServerMain {
  private FakeServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[indexOf(args, "--port") + 1]);
    Path dir = Path.of(args[indexOf(args, "--model-dir") + 1]);
    if (Files.exists(dir.resolve("exit-at-start"))) {
      System.exit(3);
    }
    int start = 1;
    while (Files.exists(dir.resolve("env-" + start + ".txt"))) {
      start++;
    }
    var env = new TreeMap<String, String>();
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("SAGEMAKER_") || k.equals("FOO")) {
                env.put(k, v);
              }
            });
    Files.writeString(dir.resolve("pid-" + start), Long.toString(ProcessHandle.current().pid()));
    Files.writeString(dir.resolve("env-" + start + ".txt"), env.toString());
    int dieAfter =
        start == 1 && Files.exists(dir.resolve("die-after"))
            ? Integer.parseInt(Files.readString(dir.resolve("die-after")).trim())
            : Integer.MAX_VALUE;
    Path log = dir.resolve("requests-" + port + ".log");
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    startEcho(server, dieAfter, log);
    new CountDownLatch(1).await();
  }

  private static void startEcho(HttpServer server, int dieAfter, Path log) {
    var count = new AtomicInteger();
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/ping",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.createContext(
        "/invocations",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          sleepIfAsked(log.getParent());
          if (count.incrementAndGet() >= dieAfter) {
            Runtime.getRuntime().halt(1);
          }
          var request = new FakeContainer.Request(count.get(), null, null, body, false);
          Files.writeString(
              log,
              request.lines().get(0) + "\n",
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
          byte[] reply;
          try {
            reply = FakeContainer.ECHO.reply(request).body().getBytes(StandardCharsets.UTF_8);
          } catch (Exception e) {
            throw new IOException(e);
          }
          exchange.sendResponseHeaders(200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.start();
  }

  private static void sleepIfAsked(Path dir) throws IOException {
    Path delay = dir.resolve("delay-ms");
    if (Files.exists(delay)) {
      try {
        Thread.sleep(Long.parseLong(Files.readString(delay).trim()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int indexOf(String[] args, String flag) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(flag)) {
        return i;
      }
    }
    throw new IllegalArgumentException("missing " + flag);
  }
}
