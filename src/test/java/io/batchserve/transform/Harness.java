package io.batchserve.transform;

import io.batchserve.config.SageMakerLimits;
import io.batchserve.testing.FakeTicker;
import io.batchserve.transform.instance.ServerCommand;
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

/**
 * Runs jobs in-process for tests, with a recording ticker and the log captured. The public fields
 * are the harness options a test may change before {@link #run}.
 */
public final class Harness {
  /** Records the retry waits instead of sleeping. */
  public final FakeTicker ticker = new FakeTicker();

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final ServerCommand server;
  private final List<URI> endpoints;
  public Stores.S3Settings s3 = new Stores.S3Settings(null, false, null);
  public long bytesPerMb = SageMakerLimits.MEBIBYTE;
  public boolean retryClientErrors;
  public Duration retryAfterLimit = Duration.ofSeconds(60);
  public boolean alwaysNewline;
  public boolean skipExisting;
  public SliceEnd sliceEnd = SliceEnd.INCLUSIVE;

  private Harness(ServerCommand server, List<URI> endpoints) {
    this.server = server;
    this.endpoints = List.copyOf(endpoints);
  }

  /** Against running servers. */
  public static Harness endpoints(URI... urls) {
    return new Harness(null, List.of(urls));
  }

  /** Against child servers started with {@code command}. */
  public static Harness children(ServerCommand command) {
    return new Harness(command, List.of());
  }

  public HarnessOptions options() {
    return HarnessOptions.builder(server)
        .endpoints(endpoints)
        .s3(s3)
        .bytesPerMb(bytesPerMb)
        .retryClientErrors(retryClientErrors)
        .retryAfterLimit(retryAfterLimit)
        .alwaysNewline(alwaysNewline)
        .sliceEnd(sliceEnd)
        .skipExisting(skipExisting)
        .startupLimit(Duration.ofSeconds(60))
        .progress(Progress.Mode.NONE)
        .build();
  }

  /** A request with the members the API requires. */
  public static JobRequest job(Path input, Path output) {
    return required(input.toString(), output.toString());
  }

  /** A request with the members the API requires, on these input and output locations. */
  public static JobRequest required(String input, String output) {
    return JobRequest.empty()
        .set("TransformJobName", "test-job")
        .set("ModelName", "test-model")
        .set("TransformInput.DataSource.S3DataSource.S3DataType", "S3Prefix")
        .set("TransformInput.DataSource.S3DataSource.S3Uri", input)
        .set("TransformOutput.S3OutputPath", output)
        .set("TransformResources.InstanceType", "ml.m5.xlarge")
        .set("TransformResources.InstanceCount", 1);
  }

  /** A CSV, Line, MultiRecord job. */
  public static JobRequest csvLines(Path input, Path output) {
    return job(input, output)
        .set("TransformInput.ContentType", "text/csv")
        .set("TransformOutput.Accept", "text/csv")
        .set("TransformInput.SplitType", "Line")
        .set("TransformOutput.AssembleWith", "Line")
        .set("BatchStrategy", "MultiRecord");
  }

  public JobOutcome run(JobRequest request) throws Exception {
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    return new JobRunner(request.toSpec(), request.tree(), options(), out, ticker).run();
  }

  /** The retry waits the job asked for, in order. */
  public List<Duration> sleeps() {
    return ticker.sleeps();
  }

  public String log() {
    return log.toString(StandardCharsets.UTF_8);
  }
}
