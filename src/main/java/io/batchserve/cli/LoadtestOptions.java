package io.batchserve.cli;

import io.batchserve.loadtest.LoadSettings;
import io.batchserve.loadtest.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code loadtest} flags other than the server choice, turned into validated {@link
 * LoadSettings}.
 */
final class LoadtestOptions {
  @Option(
      names = "--data",
      required = true,
      split = ",",
      paramLabel = "FILE",
      description =
          "Record files: CSV or JSON Lines, one record per line (repeat or comma-separate).")
  List<Path> data;

  @Option(
      names = "--content-type",
      description =
          "Content-Type (default: from the file names: .csv text/csv, "
              + ".jsonl application/jsonlines).")
  String contentType;

  @Option(names = "--accept", description = "Accept header (default: the content type).")
  String accept;

  @Option(
      names = "--model",
      description =
          "Model to address in a multi-model server (sent as "
              + "X-Amzn-SageMaker-Custom-Attributes: model=NAME).")
  String model;

  @Option(
      names = "--drop-first-column",
      description = "Drop each CSV line's first field (an id column).")
  boolean dropFirstColumn;

  @Option(
      names = "--batch-strategy",
      defaultValue = "MultiRecord",
      description =
          "MultiRecord (pack records up to the payload size) or SingleRecord (default:"
              + " ${DEFAULT-VALUE}).")
  String strategy;

  @Option(
      names = "--max-payload-in-mb",
      split = ",",
      defaultValue = "6",
      paramLabel = "MB",
      description =
          "MaxPayloadInMB values to sweep: MultiRecord body sizes, 1..100 (default:"
              + " ${DEFAULT-VALUE}).")
  List<Integer> payloadMbs;

  @Option(
      names = "--payload-mb",
      split = ",",
      hidden = true,
      description = "The old spelling of --max-payload-in-mb.")
  List<Integer> oldPayloadMbs;

  @Option(
      names = "--max-concurrent-transforms",
      defaultValue = "8",
      description =
          "MaxConcurrentTransforms to sweep: closed loop at 1, 2, 4, ... up to this; 0 for none "
              + "(default: ${DEFAULT-VALUE}).")
  int maxConcurrency;

  @Option(
      names = "--max-concurrency",
      hidden = true,
      description = "The old spelling of --max-concurrent-transforms.")
  Integer oldMaxConcurrency;

  /**
   * Moves what the old spellings gave to the API-named flags, with a note for each. Call once,
   * after parsing.
   */
  void resolveOldSpellings() {
    if (oldPayloadMbs != null) {
      OldSpelling.note("--payload-mb", "--max-payload-in-mb");
      payloadMbs = oldPayloadMbs;
      oldPayloadMbs = null;
    }
    if (oldMaxConcurrency != null) {
      OldSpelling.note("--max-concurrency", "--max-concurrent-transforms");
      maxConcurrency = oldMaxConcurrency;
      oldMaxConcurrency = null;
    }
  }

  @Option(
      names = "--rate",
      split = ",",
      paramLabel = "PER_SECOND",
      description = "Open-loop runs at these request rates (default: none).")
  List<Double> rates = List.of();

  @Option(
      names = "--max-in-flight",
      defaultValue = "64",
      description = "Open loop: requests in flight at most (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "3",
      description = "Warm-up per payload, not reported (default: ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Option(
      names = "--duration-seconds",
      defaultValue = "10",
      description = "Length of each run (default: ${DEFAULT-VALUE}).")
  double durationSeconds;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      description =
          "Runs per closed-loop setting, 1..9; the median "
              + "records/s one is reported (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--max-requests",
      defaultValue = "100000",
      description = "Requests per run at most (default: ${DEFAULT-VALUE}).")
  long maxRequests;

  @Option(
      names = "--max-records",
      defaultValue = "1000000",
      description = "Records read from the files at most (default: ${DEFAULT-VALUE}).")
  int maxRecords;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "600",
      description =
          "Per-request timeout, as InvocationsTimeoutInSeconds (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--p99-bound-ms",
      defaultValue = "60000",
      description = "Recommend no setting whose p99 is above this (default: ${DEFAULT-VALUE}).")
  double p99BoundMs;

  @Option(
      names = "--knee-percent",
      defaultValue = "5",
      description =
          "Settings within this much of the best records/s count as equally fast; the lowest p99"
              + " among them wins (default: ${DEFAULT-VALUE}).")
  double kneePercent;

  @Option(
      names = "--max-spread-percent",
      defaultValue = "20",
      description =
          "With --repeat: repetitions of a setting whose records/s differ by more than this make"
              + " the recommendation say its numbers cannot be trusted (default:"
              + " ${DEFAULT-VALUE}).")
  double maxSpreadPercent;

  @Option(
      names = "--client",
      defaultValue = "socket",
      description =
          "The load generator's HTTP client: socket (blocking sockets, one keep-alive connection"
              + " per request in flight; https URLs use jdk) or jdk (java.net.http.HttpClient)"
              + " (default: ${DEFAULT-VALUE}).")
  String client;

  @Option(
      names = "--client-cpu-warning-percent",
      defaultValue = "33",
      description =
          "Flag a run whose load generator used more than this share of the machine's CPU"
              + " (default: ${DEFAULT-VALUE}).")
  double clientCpuWarningPercent;

  @Option(names = "--allow-remote", description = "Allow a --url that is not a loopback address.")
  boolean allowRemote;

  @Option(
      names = "--out",
      defaultValue = "target/loadtest",
      description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--name",
      defaultValue = "loadtest",
      description = "Report file name, without extension (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--title", description = "Report title (default: from the data files).")
  String title;

  LoadSettings settings(URI url, boolean serverInProcess) {
    Target target = new Target(url, accept, model, Duration.ofSeconds(timeoutSeconds), allowRemote);
    var workload =
        new LoadSettings.Workload(
            data, contentType, dropFirstColumn, strategy, payloadMbs, maxRecords);
    var sweep =
        new LoadSettings.Sweep(
            maxConcurrency,
            rates,
            maxInFlight,
            seconds(warmupSeconds),
            seconds(durationSeconds),
            maxRequests,
            repeat);
    return new LoadSettings(
        target,
        workload,
        sweep,
        new LoadSettings.Criteria(p99BoundMs, kneePercent / 100, maxSpreadPercent / 100),
        new LoadSettings.Generator(client, serverInProcess, clientCpuWarningPercent / 100));
  }

  String title() {
    return title != null ? title : "Load test: " + data.get(0).getFileName();
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
