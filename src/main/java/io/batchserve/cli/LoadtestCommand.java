package io.batchserve.cli;

import io.batchserve.config.SageMakerEnv;
import io.batchserve.config.ServeFlags;
import io.batchserve.http.ModelServer;
import io.batchserve.loadtest.LoadTest;
import io.batchserve.loadtest.LoadTestReport;
import io.batchserve.loadtest.ReportFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadtest}: drive a server with records from files, sweep settings, report and recommend
 * job settings.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Load-test a server with records from CSV or JSON Lines files: a warm-up, a closed-loop sweep"
          + " at",
      "concurrency 1, 2, 4, ... for each payload size, optional open-loop runs at fixed rates; then"
          + " recommend",
      "MaxConcurrentTransforms and MaxPayloadInMB. Writes NAME.json, NAME.html and NAME.png to"
          + " --out.",
      "Every run is bounded in time and requests; only loopback addresses unless --allow-remote."
    })
final class LoadtestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Server server;

  static final class Server {
    @Option(
        names = "--url",
        description = "A running server's base URL, e.g. http://127.0.0.1:8080.")
    URI url;

    @Option(
        names = "--model-dir",
        description =
            "Start a server in this process on this model directory "
                + "(127.0.0.1, a free port) and test it.")
    Path modelDir;
  }

  @Option(
      names = "--workers",
      description = "With --model-dir: prediction threads (default: one per processor).")
  Integer workers;

  @Mixin LoadtestOptions options;

  @Override
  public Integer call() throws Exception {
    options.resolveOldSpellings();
    var out = spec.commandLine().getOut();
    String command = "java -jar target/batchserve.jar " + String.join(" ", quoted(spec));
    LoadTestReport report;
    if (server.url != null) {
      report = LoadTest.run(options.settings(server.url, false), options.title(), command, out);
    } else {
      Path log = serverLog();
      out.println("server log: " + log);
      try (ModelServer started = startServer()) {
        URI url = URI.create("http://127.0.0.1:" + started.port());
        report = LoadTest.run(options.settings(url, true), options.title(), command, out);
      }
    }
    for (Path file : ReportFiles.write(report, options.out, options.name)) {
      out.println("wrote " + file);
    }
    return report.recommendsOrOpenOnly() ? 0 : 1;
  }

  /**
   * Sends the in-process server's log to {@code OUT/NAME-server.log}, so that it never lands in the
   * middle of the table. slf4j-simple reads where to log when its first logger is made, which is
   * the server's: nothing has logged before this in a {@code loadtest} process.
   */
  private Path serverLog() throws IOException {
    Path log = options.out.resolve(options.name + "-server.log");
    Files.createDirectories(options.out);
    System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
    return log;
  }

  /**
   * A loopback server whose body limit admits the largest payload swept (and at least SageMaker's
   * default 6).
   */
  private ModelServer startServer() {
    int payloadMb =
        Math.max(6, options.payloadMbs.stream().mapToInt(Integer::intValue).max().orElse(6));
    ServeFlags flags =
        ServeFlags.builder()
            .port(0)
            .host("127.0.0.1")
            .modelDir(server.modelDir)
            .workers(workers)
            .maxPayloadMb(payloadMb)
            .timeoutSeconds(options.timeoutSeconds)
            .build();
    return ModelServer.start(
        SageMakerEnv.resolve(flags, System.getenv(), Runtime.getRuntime().availableProcessors()));
  }

  /**
   * The original arguments (from the subcommand's name on), quoted for a POSIX shell where needed.
   */
  static List<String> quoted(picocli.CommandLine.Model.CommandSpec spec) {
    List<String> args =
        spec.commandLine().getParseResult() == null
            ? Collections.emptyList()
            : spec.commandLine().getParseResult().originalArgs();
    return args.stream()
        .map(
            arg ->
                arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'")
        .toList();
  }
}
