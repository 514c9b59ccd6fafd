package io.batchserve.transform;

import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.invoke.Sleeper;
import io.batchserve.transform.job.JobRequest;
import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.report.Progress;
import io.batchserve.transform.run.HarnessOptions;
import io.batchserve.transform.run.JobOutcome;
import io.batchserve.transform.run.JobRunner;
import io.batchserve.transform.source.Stores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs jobs in-process for tests, with a recording sleeper and the log captured. */
public final class Harness {
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  public HarnessOptions options;

  public Harness(HarnessOptions options) {
    this.options = options;
  }

  /** Against running servers. */
  public static Harness endpoints(URI... urls) {
    return new Harness(options(null, List.of(urls)));
  }

  /** Against child servers started with {@code command}. */
  public static Harness children(ServerCommand command) {
    return new Harness(options(command, List.of()));
  }

  static HarnessOptions options(ServerCommand command, List<URI> endpoints) {
    return new HarnessOptions(command, endpoints, new Stores.S3Settings(null, false, null), HarnessOptions.MEBIBYTE,
        false, false, SliceEnd.INCLUSIVE, false, Duration.ofSeconds(60), 3, 1, Progress.Mode.NONE, null);
  }

  /** A request with the fields every job needs. */
  public static JobRequest job(Path input, Path output) {
    return JobRequest.empty().set("TransformJobName", "test-job").set("ModelName", "test-model")
        .set("TransformInput.DataSource.S3DataSource.S3Uri", input.toString())
        .set("TransformOutput.S3OutputPath", output.toString());
  }

  /** A CSV, Line, MultiRecord job. */
  public static JobRequest csvLines(Path input, Path output) {
    return job(input, output).set("TransformInput.ContentType", "text/csv").set("TransformOutput.Accept", "text/csv")
        .set("TransformInput.SplitType", "Line").set("TransformOutput.AssembleWith", "Line")
        .set("BatchStrategy", "MultiRecord");
  }

  public JobOutcome run(JobRequest request) throws Exception {
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    Sleeper recording = sleeps::add;
    return new JobRunner(request.toSpec(), request.tree(), options, out, recording).run();
  }

  public String log() {
    return log.toString(StandardCharsets.UTF_8);
  }
}
