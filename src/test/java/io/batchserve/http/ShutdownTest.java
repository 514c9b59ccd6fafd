package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.EchoModel;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing the server (what SIGTERM does) answers what was admitted and refuses what comes after.
 */
class ShutdownTest {
  @Test
  void close_admittedRequestsAnsweredNewOnesRefused() throws Exception {
    EchoModel model = new EchoModel("echo");
    var config = TestServers.config(TestServers.flags(Path.of("unused"), 1), Map.of());
    ModelServer server = TestServers.start(config, List.of(model));
    CountDownLatch release = model.block();
    CompletableFuture<HttpResponse<String>> admitted =
        CompletableFuture.supplyAsync(
            () -> Http.post(server.port(), "in flight", "Content-Type", "text/csv"));
    assertTrue(model.entered().await(10, TimeUnit.SECONDS));
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    while (server.state().phase() != ServerState.Phase.DRAINING) {
      Thread.onSpinWait();
    }
    HttpResponse<String> refused = Http.post(server.port(), "late", "Content-Type", "text/csv");
    assertEquals(503, refused.statusCode());
    assertTrue(refused.body().contains("shutting down"), refused.body());
    assertEquals(503, Http.get(server.port(), "/ping").statusCode());
    release.countDown();
    HttpResponse<String> answer = admitted.get(30, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode());
    assertEquals("IN FLIGHT\n", answer.body());
    closing.get(30, TimeUnit.SECONDS);
  }
}
