package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.MediaType;
import io.batchserve.config.ServeFlags;
import io.batchserve.model.Model;
import io.batchserve.model.ModelLoader;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 64 concurrent clients against 2 workers and a queue of 4: every request is answered with 200 or
 * 503 (never dropped, never hung), and every 200 carries exactly the scores of its own rows, as the
 * model computes them alone.
 */
class ConcurrencyTest {
  private static final int CLIENTS = 64;
  private static final int REQUESTS_PER_CLIENT = 8;

  @Test
  void invocations_64ClientsTwoWorkersSmallQueue_everyAnswerIsOwnOr503() throws Exception {
    List<String> rows =
        Files.readAllLines(Path.of("test/data/churn/customers-001.csv")).stream()
            .map(line -> line.substring(line.indexOf(',') + 1))
            .toList();
    Model<?, ?> model = ModelLoader.load(Path.of("model/churn")).get(0);
    ServeFlags flags =
        TestServers.flags(Path.of("model/churn"), 2).toBuilder().queueCapacity(4).build();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger busy = new AtomicInteger();
    try (ModelServer server =
        TestServers.awaitReady(ModelServer.start(TestServers.config(flags, Map.of())))) {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        done.add(
            clients.submit(
                () -> {
                  gate.await();
                  for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                    List<String> mine = slice(rows, client * REQUESTS_PER_CLIENT + r);
                    String body = String.join("\n", mine) + "\n";
                    HttpResponse<String> response =
                        Http.post(server.port(), body, "Content-Type", "text/csv");
                    if (response.statusCode() == 503) {
                      assertTrue(response.headers().firstValue("Retry-After").isPresent());
                      busy.incrementAndGet();
                    } else {
                      assertEquals(200, response.statusCode(), response.body());
                      assertEquals(
                          expected(model, body),
                          response.body(),
                          "client " + client + " request " + r);
                      ok.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      gate.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      clients.shutdown();
    }
    assertEquals(CLIENTS * REQUESTS_PER_CLIENT, ok.get() + busy.get());
    assertTrue(ok.get() > 0, "some requests must succeed");
    System.out.printf("ConcurrencyTest: %d answered 200, %d answered 503%n", ok.get(), busy.get());
  }

  /**
   * 1 to 40 consecutive rows starting at a request-specific place, so neighbours' answers differ.
   */
  private static List<String> slice(List<String> rows, int request) {
    int start = (request * 37) % (rows.size() - 40);
    return rows.subList(start, start + 1 + request % 40);
  }

  private static String expected(Model<?, ?> model, String body) {
    return new String(
        predictAlone(model, body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static <B extends Model.Batch, R> byte[] predictAlone(Model<B, R> model, byte[] body) {
    B batch = model.decode(MediaType.CSV, body, body.length);
    R answer = model.predict(Collections.singletonList(batch)).get(0);
    return model.encode(answer, MediaType.CSV);
  }
}
