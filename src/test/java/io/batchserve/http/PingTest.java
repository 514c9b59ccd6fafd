package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.config.ServerConfig;
import io.batchserve.model.ModelLoader;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import io.batchserve.testing.TinyModels;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PingTest {
  @TempDir Path dir;

  @Test
  void ping_beforeLoadingFinishes_is503ThenEmpty200() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ServerConfig config = TestServers.config(TestServers.flags(dir, 1), Map.of());
    Path folder = TinyModels.tabularFolder(dir.resolve("m"), "m");
    try (ModelServer server =
        ModelServer.start(
            config,
            () -> {
              awaitQuietly(release);
              return ModelLoader.load(folder);
            })) {
      var before = Http.get(server.port(), "/ping");
      assertEquals(503, before.statusCode());
      release.countDown();
      TestServers.awaitReady(server);
      var after = Http.get(server.port(), "/ping");
      assertEquals(200, after.statusCode());
      assertEquals("", after.body());
    }
  }

  @Test
  void ping_whenLoadingFails_staysAt503() {
    ServerConfig config =
        TestServers.config(TestServers.flags(dir.resolve("missing"), 1), Map.of());
    try (ModelServer server = ModelServer.start(config)) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (server.state().phase() == ServerState.Phase.LOADING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(ServerState.Phase.FAILED, server.state().phase());
      assertEquals(503, Http.get(server.port(), "/ping").statusCode());
      var invocation = Http.post(server.port(), "1,2,3", "Content-Type", "text/csv");
      assertEquals(503, invocation.statusCode());
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
