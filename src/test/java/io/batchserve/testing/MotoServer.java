package io.batchserve.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto's AWS API simulator ({@code moto_server}, moto 5.x) on a free loopback port, for calls that
 * would otherwise go to AWS. Tests that need it skip, saying why, where neither {@code moto_server}
 * nor {@code python3 -m moto.server} can be run; {@code .ci/run} provides it. Credentials are fake
 * ({@link #ENV}).
 */
public final class MotoServer implements AutoCloseable {
  /** Fake credentials and a region: moto accepts any. */
  public static final Map<String, String> ENV =
      Map.of(
          "AWS_ACCESS_KEY_ID",
          "testing",
          "AWS_SECRET_ACCESS_KEY",
          "testing",
          "AWS_DEFAULT_REGION",
          "eu-west-1");

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts moto, or skips the calling test when it cannot be had. */
  public static MotoServer start(Path logDir) throws IOException, InterruptedException {
    List<String> command = command();
    assumeTrue(
        command != null,
        "moto_server is not installed (moto 5.x with its server extras; .ci/run installs "
            + "it): the tests against the AWS API simulator are skipped");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
    Process process =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve("moto.log").toFile())
            .start();
    MotoServer moto = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
    moto.awaitUp(logDir);
    return moto;
  }

  public URI endpoint() {
    return endpoint;
  }

  private void awaitUp(Path logDir) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        c.setConnectTimeout(500);
        if (c.getResponseCode() < 500) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException(
        "moto_server did not start:\n" + Files.readString(logDir.resolve("moto.log")));
  }

  private static List<String> command() throws InterruptedException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "moto_server"))) {
        return List.of(Path.of(dir, "moto_server").toString());
      }
    }
    String python = Pythons.importing("moto.server, flask");
    if (python != null) {
      return List.of(python, "-m", "moto.server");
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
