package io.batchserve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The server's defaults live in one place, {@link SageMakerEnv}; the configuration table of
 * docs/serving.md (and the {@code serve} help, which reads the same constants) must say the same.
 * Each documented default is compared with what a server resolves from no flags and no environment.
 */
class DocumentedDefaultsTest {
  @Test
  void servingDocs_defaultColumn_matchesTheResolvedDefaults() throws IOException {
    Map<String, String> documented = documentedDefaults(Path.of("docs/serving.md"));
    ServerConfig defaults = SageMakerEnv.resolve(ServeFlags.NONE, Map.of(), 2);

    assertStartsWith(documented, "--port", Integer.toString(defaults.port()));
    assertStartsWith(documented, "--model-dir", "`" + defaults.modelDir() + "`");
    assertStartsWith(documented, "--timeout-seconds", defaults.requestTimeout().toSeconds() + " s");
    assertStartsWith(documented, "--max-payload-in-mb", Integer.toString(defaults.maxPayloadMb()));
    assertStartsWith(
        documented,
        "--max-batch-records",
        String.format(Locale.ROOT, "%,d", defaults.maxBatchRecords()));
    assertStartsWith(
        documented, "--max-batch-delay-ms", Long.toString(defaults.maxBatchDelay().toMillis()));
    assertStartsWith(
        documented,
        "--stats-interval-seconds",
        Long.toString(defaults.statsInterval().toSeconds()));
    assertStartsWith(documented, "--engine", "`" + defaults.engine() + "`");
    assertStartsWith(
        documented,
        "--min-request-rate",
        String.format(Locale.ROOT, "%,d bytes/s", defaults.minRequestRate()));
    assertStartsWith(
        documented, "--request-grace-seconds", Long.toString(defaults.requestGrace().toSeconds()));
    assertStartsWith(
        documented, "--libsvm-index-base", Integer.toString(defaults.libsvmIndexBase()));
    assertEquals(64, defaults.queueCapacity(), "max(64, 8 x 2 workers)");
    assertStartsWith(documented, "--queue-capacity", "max(64, 8 × workers)");
    ServerConfig batch =
        SageMakerEnv.resolve(ServeFlags.NONE, Map.of("SAGEMAKER_BATCH", "true"), 2);
    assertTrue(
        documented
            .get("--timeout-seconds")
            .contains(batch.requestTimeout().toSeconds() + " s when `SAGEMAKER_BATCH` is true"),
        documented.get("--timeout-seconds"));
  }

  private static void assertStartsWith(
      Map<String, String> documented, String flag, String expected) {
    String cell =
        Optional.ofNullable(documented.get(flag))
            .orElseThrow(
                () ->
                    new AssertionError(flag + " is not in docs/serving.md's configuration table"));
    assertTrue(
        cell.startsWith(expected),
        flag + ": the docs say '" + cell + "', the server's default is " + expected);
  }

  /** Flag to its default cell, from the {@code | flag | variable | default |} table. */
  private static Map<String, String> documentedDefaults(Path doc) throws IOException {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String line : Files.readAllLines(doc)) {
      String[] cells = line.split("\\|", -1);
      if (cells.length >= 5 && cells[1].strip().startsWith("`--")) {
        defaults.put(cells[1].strip().replace("`", ""), cells[3].strip().replace("**", ""));
      }
    }
    return defaults;
  }
}
