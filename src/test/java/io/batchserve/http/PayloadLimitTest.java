package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.config.ServeFlags;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import io.batchserve.testing.TinyModels;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The body limit is the advertised MaxPayloadInMB in MiB: a body of exactly that size passes, one
 * byte more is 413.
 */
class PayloadLimitTest {
  @TempDir Path dir;

  /**
   * Valid CSV of exactly {@code size} bytes: rows of "0.5,0.5,0.5\n" padded with spaces inside a
   * field.
   */
  private static byte[] csvOfSize(int size) {
    byte[] row = "0.5,0.5,0.5\n".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[size];
    int rows = size / row.length;
    for (int i = 0; i < rows; i++) {
      System.arraycopy(row, 0, body, i * row.length, row.length);
    }
    int rest = size - rows * row.length;
    Arrays.fill(body, rows * row.length - 1, size - 1, (byte) ' ');
    body[size - 1] = '\n';
    if (rest > 0) {
      body[rows * row.length - 1] = ' ';
    }
    return body;
  }

  @Test
  void invocations_bodyExactlyAtLimit_isServed() throws Exception {
    var config =
        TestServers.config(
            TestServers.flags(TinyModels.tabularFolder(dir, "t"), 2),
            Map.of("SAGEMAKER_MAX_PAYLOAD_IN_MB", "2"));
    try (ModelServer server = TestServers.awaitReady(ModelServer.start(config))) {
      byte[] body = csvOfSize(2 << 20);
      var response = Http.post(server.port(), body, "Content-Type", "text/csv");
      assertEquals(200, response.statusCode(), response.body());
      assertEquals((2 << 20) / 12, response.body().split("\n").length);
      var over =
          Http.post(server.port(), Arrays.copyOf(body, (2 << 20) + 1), "Content-Type", "text/csv");
      assertEquals(413, over.statusCode());
      assertTrue(over.body().contains("over the limit of 2097152 bytes (2 MB)"), over.body());
      assertTrue(over.body().contains("SAGEMAKER_MAX_PAYLOAD_IN_MB"), over.body());
    }
  }

  @Test
  void invocations_bodyFarOverLimit_isAnswered413NotReset() throws Exception {
    var config =
        TestServers.config(
            TestServers.flags(TinyModels.tabularFolder(dir, "t"), 1),
            Map.of("SAGEMAKER_MAX_PAYLOAD_IN_MB", "1"));
    try (ModelServer server = TestServers.awaitReady(ModelServer.start(config))) {
      byte[] body = csvOfSize(24 << 20);
      for (int i = 0; i < 3; i++) {
        var response = Http.post(server.port(), body, "Content-Type", "text/csv");
        assertEquals(
            413,
            response.statusCode(),
            "the client reads the answer while still sending, try " + i);
      }
      assertEquals(
          200, Http.post(server.port(), csvOfSize(1000), "Content-Type", "text/csv").statusCode());
    }
  }

  @Test
  void invocations_chunkedBodyOverLimit_is413() throws Exception {
    ServeFlags flags =
        TestServers.flags(TinyModels.tabularFolder(dir, "t"), 1).toBuilder()
            .maxPayloadMb(1)
            .build();
    try (ModelServer server =
        TestServers.awaitReady(ModelServer.start(TestServers.config(flags, Map.of())))) {
      byte[] body = csvOfSize((1 << 20) + 100);
      HttpRequest chunked =
          HttpRequest.newBuilder(Http.uri(server.port(), "/invocations"))
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
              .build();
      var response = Http.send(chunked);
      assertEquals(413, response.statusCode());
      assertTrue(response.body().contains("(chunked)"), response.body());
      var small =
          HttpRequest.newBuilder(Http.uri(server.port(), "/invocations"))
              .header("Content-Type", "text/csv")
              .POST(
                  HttpRequest.BodyPublishers.ofInputStream(
                      () -> new ByteArrayInputStream(csvOfSize(1000))))
              .build();
      assertEquals(200, Http.send(small).statusCode());
    }
  }
}
