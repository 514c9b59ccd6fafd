package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncJournalTest {
  @TempDir Path dir;

  @Test
  void open_afterACrash_givesBackTheUnfinishedInAcceptedOrder() throws Exception {
    try (AsyncJournal journal = AsyncJournal.open(dir)) {
      journal.accept(request("a"));
      journal.accept(request("b"));
      journal.accept(request("c"));
      journal.finish("b", true);
    } // no orderly shutdown is needed: every line was forced to disk when written
    try (AsyncJournal reopened = AsyncJournal.open(dir)) {
      assertEquals(List.of(request("a"), request("c")), reopened.pending());
      reopened.finish("a", false);
    }
    try (AsyncJournal again = AsyncJournal.open(dir)) {
      assertEquals(List.of(request("c")), again.pending());
      assertEquals(
          1, Files.readAllLines(again.file()).size(), "reopening keeps only the unfinished");
    }
  }

  @Test
  void open_lastLineCutShort_isDropped() throws Exception {
    try (AsyncJournal journal = AsyncJournal.open(dir)) {
      journal.accept(request("a"));
    }
    Files.writeString(
        dir.resolve(AsyncJournal.FILE),
        "{\"event\":\"accepted\",\"id\":\"b\",\"inp",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (AsyncJournal reopened = AsyncJournal.open(dir)) {
      assertEquals(List.of(request("a")), reopened.pending());
    }
  }

  @Test
  void accept_sameIdWhileQueued_isRefused() throws Exception {
    try (AsyncJournal journal = AsyncJournal.open(dir)) {
      journal.accept(request("a"));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> journal.accept(request("a")));
      assertEquals("inference id a is already queued", e.getMessage());
    }
  }

  @Test
  void accept_fromManyThreads_keepsEveryRequest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (AsyncJournal journal = AsyncJournal.open(dir)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String id = "r" + i;
        done.add(
            pool.submit(
                () -> {
                  journal.accept(request(id));
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    try (AsyncJournal reopened = AsyncJournal.open(dir)) {
      assertEquals(400, reopened.pending().size());
    }
  }

  private static AsyncJournal.Request request(String id) {
    return new AsyncJournal.Request(
        id,
        "s3://bucket/in/" + id + ".csv",
        "text/csv",
        null,
        "model=churn",
        1_700_000_000_000L,
        21600,
        900);
  }
}
