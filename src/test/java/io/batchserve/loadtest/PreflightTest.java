package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreflightTest {
  private final PayloadBodies payload = Fixtures.payload(2, 3);

  @Test
  void check_serverRefusesTheBody_stopsWithTheServersOwnMessage() {
    AtomicInteger sent = new AtomicInteger();
    Sender refusing =
        body -> {
          sent.incrementAndGet();
          return new Reply(
              400,
              0,
              "{\"error\":\"BadInput\",\"message\":\"line 1: expected 20 features, found 21\"}");
        };

    LoadTestException e =
        assertThrows(LoadTestException.class, () -> Preflight.check(refusing, payload, "text/csv"));

    assertEquals(
        "the first request (a 1 MB body of 3 text/csv records) answered 400 Bad Request: BadInput:"
            + " line 1: expected 20 features, found 21; nothing was measured. Check the records"
            + " against the model (an id column left in? --drop-first-column drops it),"
            + " --content-type and --accept",
        e.getMessage());
    assertEquals(1, sent.get(), "one request, not a sweep");
  }

  @Test
  void check_wrongLineCountOrNoAnswer_stops() {
    LoadTestException lines =
        assertThrows(
            LoadTestException.class,
            () -> Preflight.check(body -> new Reply(200, 1, ""), payload, "text/csv"));
    assertEquals(
        "the first request (a 1 MB body of 3 text/csv records) was answered with 1 lines instead of"
            + " one per record; nothing was measured",
        lines.getMessage());
    LoadTestException none =
        assertThrows(
            LoadTestException.class,
            () -> Preflight.check(body -> Reply.noAnswer("ConnectException"), payload, "text/csv"));
    assertEquals(
        "the first request (a 1 MB body of 3 text/csv records) got no answer (ConnectException);"
            + " nothing was measured",
        none.getMessage());
  }

  @Test
  void check_goodAnswer_passes() {
    assertDoesNotThrow(() -> Preflight.check(Fixtures::ok, payload, "text/csv"));
  }

  @Test
  void statusWords_mapOfOutcomes_readsAsWords() {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    byStatus.put("200", 5L);
    byStatus.put("400", 95L);
    byStatus.put("no-answer", 2L);
    byStatus.put("599", 1L);
    assertEquals(
        "5 answered 200 OK, 95 answered 400 Bad Request, 2 with no answer, 1 answered 599",
        StatusWords.of(byStatus));
  }
}
