package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  @Test
  void plan_seedExample_printsTheRunAndTheEndpoint() {
    int exit =
        cli.run(
            "plan",
            "--records",
            "100000",
            "--seconds-per-record",
            "30",
            "--concurrency",
            "4",
            "--instances",
            "20",
            "--instance-type",
            "ml.m5.4xlarge",
            "--cold-start-minutes",
            "0",
            "--endpoint-instances",
            "3",
            "--runs-per-week",
            "1");

    assertEquals(0, exit, cli.err.toString());
    String printed = cli.out.toString();
    assertTrue(printed.contains("       20     20      10.42 h       $192.08"), printed);
    assertTrue(printed.contains("3 x ml.m5.4xlarge: $464.69 a week"), printed);
  }

  @Test
  void plan_fromReportScaledToVcpus_writesTheReport() throws Exception {
    Path report =
        Files.writeString(
            dir.resolve("lt.json"),
            "{\"machine\":{\"processors\":\"2\"},\"recommendation\":"
                + "{\"found\":true,\"batchStrategy\":\"MultiRecord\",\"maxConcurrentTransforms\":2,"
                + "\"maxPayloadInMB\":6,"
                + "\"recordsPerSecond\":1000.0}}");

    int exit =
        cli.run(
            "plan",
            "--records",
            "7200000",
            "--from-report",
            report.toString(),
            "--scale-to-vcpus",
            "--instance-type",
            "ml.m5.xlarge",
            "--instances",
            "1,2",
            "--cold-start-minutes",
            "0",
            "--out",
            dir.toString());

    assertEquals(0, exit, cli.err.toString());
    // 1,000 records/s on 2 processors is 2,000 on the 4 vCPUs of an ml.m5.xlarge: 7.2M records take
    // 1 h on one.
    assertTrue(
        cli.out.toString().contains("        1      1       1.00 h         $0.23"),
        cli.out.toString());
    assertTrue(Files.readString(dir.resolve("plan.html")).contains("<svg"));
    assertTrue(Files.exists(dir.resolve("plan.png")));
  }

  @Test
  void plan_printPrices_printsTheDocumentedTable() {
    assertEquals(0, cli.run("plan", "--print-prices"));
    assertTrue(cli.out.toString().contains("instance_type,vcpu,memory_gib,batch_usd_per_hour"));
  }

  @Test
  void plan_noSpeed_explainsWhatIsMissing() {
    assertEquals(2, cli.run("plan", "--records", "10"));
    assertTrue(cli.err.toString().contains("--records-per-second"), cli.err.toString());
  }
}
