package io.batchserve.cli;

import io.batchserve.model.ModelLoadException;
import io.batchserve.model.ModelLoader;
import io.batchserve.time.Ticker;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.job.JobRequest;
import io.batchserve.transform.job.JobSpec;
import io.batchserve.transform.job.JobValidationException;
import io.batchserve.transform.run.HarnessOptions;
import io.batchserve.transform.run.JobOutcome;
import io.batchserve.transform.run.JobRunner;
import io.batchserve.transform.run.StopSignal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code transform}: run a Batch Transform job locally, exactly as the service would run it. */
@Command(
    name = "transform",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a SageMaker Batch Transform job locally against this container, as the service would:",
      "same job definition (flags named after CreateTransformJob fields, or --job FILE), same"
          + " outputs.",
      "Exit code 0 only when the job Completed."
    })
final class TransformCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Option(
      names = "--job",
      paramLabel = "FILE",
      description =
          "CreateTransformJob request JSON (as aws sagemaker create-transform-job --cli-input-json"
              + " takes it); flags override its fields.")
  Path job;

  @Mixin TransformJobFlags fields;

  @Option(
      names = "--model-dir",
      paramLabel = "DIR|ARCHIVE|S3URI",
      defaultValue = "model",
      description =
          "The model the job's ModelName means: a model folder, a model.tar.gz, or its s3:// "
              + "ModelDataUrl (unpacked as SageMaker unpacks it) (default: ${DEFAULT-VALUE}).")
  String modelDir;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "Use this running container instead of starting servers (repeatable: one per instance)."
              + " Not --endpoint-url, which is the S3 endpoint as in the AWS CLI.")
  List<URI> endpoints = List.of();

  @Mixin TransformHarnessFlags harness;

  @Option(
      names = "--strict",
      description =
          "Refuse what the real API would refuse but a local run allows: a local "
              + "path where an S3 URI belongs.")
  boolean strict;

  @Option(
      names = "--validate-only",
      description =
          "Check the request as it would be submitted (--job plus flags, as --strict does, no names"
              + " filled in) and contact nothing: exit 0 when CreateTransformJob would accept it, 2"
              + " with every problem listed otherwise.")
  boolean validateOnly;

  @Override
  public Integer call() throws Exception {
    JobRequest request;
    JobSpec spec;
    try {
      request = job == null ? JobRequest.empty() : JobRequest.read(job);
      fields.applyTo(request);
      if (!validateOnly) {
        fields.defaultNames(request, defaultName(), ModelDirs.name(modelDir));
      }
      spec = request.toSpec(strict || validateOnly);
    } catch (JobValidationException e) {
      command.commandLine().getErr().println("batchserve transform: invalid job: " + withFlags(e));
      return 2;
    }
    request.notes().forEach(note -> System.out.println("note: " + note));
    if (validateOnly) {
      System.out.println("valid: CreateTransformJob would accept this request");
      return 0;
    }
    Path models = Path.of(".");
    if (endpoints.isEmpty()) {
      try {
        models = ModelDirs.resolve(modelDir, harness.s3Settings());
        // Before any server starts: a typo should cost a second, not a start-up timeout.
        ModelLoader.check(models);
      } catch (ModelLoadException e) {
        command
            .commandLine()
            .getErr()
            .println("batchserve transform: --model-dir: " + e.getMessage());
        return 2;
      }
    }
    HarnessOptions options =
        harness.options(
            new ServerCommand(harness.serverMain(), models, List.of(), harness.image),
            endpoints,
            spec.instanceCount());
    StopSignal stop = StopSignal.forThread(Thread.currentThread());
    // Ctrl-C and SIGTERM stop the job cleanly (servers stopped, partial outputs deleted, job.json
    // says Stopped) instead of the JVM's default exit, which would leave both behind.
    Signal.handle(new Signal("INT"), signal -> stop.request("SIGINT", 130));
    Signal.handle(new Signal("TERM"), signal -> stop.request("SIGTERM", 143));
    JobOutcome outcome =
        new JobRunner(spec, request.tree(), options, System.out, Ticker.system(), stop).run();
    if (stop.requested()) {
      return stop.exitCode();
    }
    return outcome.completed() ? 0 : 1;
  }

  /** The problems, each missing member followed by the flag that supplies it. */
  private static String withFlags(JobValidationException e) {
    List<String> problems =
        e.problems().stream()
            .map(
                problem -> {
                  for (var required : TransformJobFlags.REQUIRED_FLAGS.entrySet()) {
                    if (problem.equals(required.getKey() + ": missing; the API requires it")) {
                      return problem + " (" + required.getValue() + ")";
                    }
                  }
                  return problem;
                })
            .toList();
    return problems.size() == 1
        ? problems.get(0)
        : problems.size() + " problems:\n  " + String.join("\n  ", problems);
  }

  private static String defaultName() {
    return "local-transform-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
