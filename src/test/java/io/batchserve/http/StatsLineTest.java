package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.EchoModel;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic stats line counts every /invocations answer by its final status, async ones
 * included.
 */
class StatsLineTest {
  @TempDir Path dir;

  @Test
  void statsLine_countsAnswersByFinalStatusAndPredictedRecords() {
    EchoModel model = new EchoModel("echo");
    try (ModelServer server =
        TestServers.start(
            TestServers.config(TestServers.flags(dir, 1), Map.of()), List.of(model))) {
      assertEquals(200, Http.post(server.port(), "a\nb", "Content-Type", "text/csv").statusCode());
      assertEquals(200, Http.post(server.port(), "c\nd", "Content-Type", "text/csv").statusCode());
      assertEquals(
          415, Http.post(server.port(), "{}", "Content-Type", "application/json").statusCode());
      model.failWith(new IllegalStateException("broken on purpose"));
      assertEquals(500, Http.post(server.port(), "e", "Content-Type", "text/csv").statusCode());

      String line = server.statsLine();
      assertTrue(
          line.contains(
              " 4 requests answered (200: 2, 4xx: 1 (408 slow body: 0), 503: 0, other 5xx: 1); 5 "
                  + "records predicted"),
          line);
      assertTrue(line.contains("3 predictions of 2 records on average; queue 0 of 64"), line);
      assertNull(server.statsLine(), "nothing happened since");
    }
  }
}
