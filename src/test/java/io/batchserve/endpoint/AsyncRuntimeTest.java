package io.batchserve.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.transform.source.Stores;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsyncRuntimeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../../etc/cron.d/x | would be written outside the output path",
        "a/b | would be written outside the output path",
        "a\\b | would be written outside the output path",
        "' leading-space' | must be 1 to 64 printable characters",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | must be 1 to 64"
      })
  void accept_hostileInferenceId_isRefusedAndNothingIsQueued(String id, String problem)
      throws Exception {
    EndpointConfig.Async config =
        new EndpointConfig.Async(dir.resolve("out").toString(), null, null, null, 1);
    try (Stores stores = new Stores(new Stores.S3Settings(null, false, null));
        AsyncJournal journal = AsyncJournal.open(dir.resolve("state"));
        AsyncRuntime runtime =
            new AsyncRuntime(
                "e",
                config,
                journal,
                stores,
                HttpClient.newHttpClient(),
                new Notifications(
                    dir.resolve("notifications.jsonl"), null, HttpClient.newHttpClient(), l -> {}),
                100,
                line -> {})) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  runtime.accept(
                      dir.resolve("in.csv").toString(), "text/csv", null, null, id, null, null));
      assertTrue(e.getMessage().contains(problem), e.getMessage());
      assertEquals(List.of(), journal.pending());
    }
  }
}
