package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The committed forecaster and its sample input are exactly what {@code train forecast} writes. */
class TrainForecastCommandTest {
  @TempDir Path dir;

  @Test
  void trainForecast_reproducesCommittedModelAndSamplesByteForByte() throws Exception {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));

    int exit =
        cli.execute(
            "train",
            "forecast",
            "--out",
            dir.resolve("model").toString(),
            "--samples",
            dir.resolve("samples").toString());

    assertEquals(0, exit, out.toString());
    String rerun =
        ": rerun `java -jar target/batchserve.jar train forecast --samples test/data/forecast`";
    for (String file :
        new String[] {"xgboost-model.ubj", "batchserve-model.json", "quantiles.json"}) {
      assertArrayEquals(
          Files.readAllBytes(Path.of("model/forecast", file)),
          Files.readAllBytes(dir.resolve("model").resolve(file)),
          "model/forecast/" + file + " differs" + rerun);
    }
    for (String file : new String[] {"items-001.jsonl", "items-002.jsonl"}) {
      assertArrayEquals(
          Files.readAllBytes(Path.of("test/data/forecast", file)),
          Files.readAllBytes(dir.resolve("samples").resolve(file)),
          "test/data/forecast/" + file + " differs" + rerun);
    }
    assertTrue(out.toString().contains("Holt-Winters"), out.toString());
    assertTrue(out.toString().contains("0.1-0.9 quantile band"), out.toString());
  }
}
