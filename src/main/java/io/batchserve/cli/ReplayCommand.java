package io.batchserve.cli;

import io.batchserve.endpoint.Replay;
import io.batchserve.time.Ticker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code batchserve replay}: a burst of asynchronous requests against a local endpoint. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Submits N InvokeEndpointAsync requests to a running 'batchserve endpoint', waits until it"
            + " has drained them, and reports the time to drain, the first result's wait (a cold"
            + " start from zero), the peak instance count and the instance-hours used, to check a"
            + " plan's asynchronous estimate against a simulated run.")
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8081",
      description = "The endpoint's API (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--name", required = true, description = "The endpoint's name.")
  String name;

  @Option(
      names = "--input",
      required = true,
      split = ",",
      paramLabel = "LOCATION",
      description =
          "Input locations (s3://bucket/key or local paths, as the endpoint reads them), used in"
              + " turn; repeatable or comma-separated.")
  List<String> inputs;

  @Option(
      names = "--requests",
      defaultValue = "100",
      description = "How many requests (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--content-type",
      defaultValue = "text/csv",
      description = "Their ContentType (default: ${DEFAULT-VALUE}).")
  String contentType;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "Requests a second, on a fixed schedule (default: ${DEFAULT-VALUE}: as fast as the"
              + " submitters can).")
  double rate;

  @Option(
      names = "--submitters",
      defaultValue = "8",
      description = "Threads submitting (default: ${DEFAULT-VALUE}).")
  int submitters;

  @Option(
      names = "--timeout-minutes",
      defaultValue = "60",
      description = "How long to wait for the endpoint to drain (default: ${DEFAULT-VALUE}).")
  double timeoutMinutes;

  @Override
  public Integer call() throws Exception {
    Replay.Options options;
    try {
      if (!(timeoutMinutes > 0)) {
        throw new IllegalArgumentException(
            "--timeout-minutes " + timeoutMinutes + ": must be positive");
      }
      options =
          new Replay.Options(
              url,
              name,
              inputs,
              requests,
              contentType,
              rate,
              submitters,
              Duration.ofMillis(Math.round(timeoutMinutes * 60_000)));
    } catch (IllegalArgumentException e) {
      command.commandLine().getErr().println("batchserve replay: " + e.getMessage());
      return 2;
    }
    var out = command.commandLine().getOut();
    Replay.Result result = new Replay(options, Ticker.system(), line -> out.println(line)).run();
    out.print(result.report());
    out.flush();
    return Double.isNaN(result.drained()) || result.refused() > 0 ? 1 : 0;
  }
}
