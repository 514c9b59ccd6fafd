package io.batchserve.transform.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.time.Ticker;
import io.batchserve.transform.instance.Instances;
import io.batchserve.transform.job.JobSpec;
import io.batchserve.transform.report.FileResult;
import io.batchserve.transform.report.JobDescription;
import io.batchserve.transform.report.JobStats;
import io.batchserve.transform.report.Progress;
import io.batchserve.transform.report.Summary;
import io.batchserve.transform.source.InputObject;
import io.batchserve.transform.source.Inputs;
import io.batchserve.transform.source.Outputs;
import io.batchserve.transform.source.Stores;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a validated job end to end: list inputs, start or connect to the instances, run every file,
 * write job.json beside the outputs, print the summary. Child servers are stopped whatever happens
 * (also on Ctrl-C).
 */
public final class JobRunner {
  private final JobSpec job;
  private final ObjectNode request;
  private final HarnessOptions options;
  private final PrintStream out;
  private final Ticker ticker;
  private final StopSignal stop;
  private volatile Progress progress;

  public JobRunner(
      JobSpec job, ObjectNode request, HarnessOptions options, PrintStream out, Ticker ticker) {
    this(job, request, options, out, ticker, StopSignal.NEVER);
  }

  /** A runner that {@code stop} can stop cleanly (SIGINT, SIGTERM): see {@link StopSignal}. */
  public JobRunner(
      JobSpec job,
      ObjectNode request,
      HarnessOptions options,
      PrintStream out,
      Ticker ticker,
      StopSignal stop) {
    this.stop = stop;
    this.job = job;
    this.request = request;
    this.options = options;
    this.out = out;
    this.ticker = ticker;
  }

  public JobOutcome run() throws InterruptedException, IOException {
    Instant created = Instant.now();
    JobStats stats = new JobStats();
    Path temp = Files.createTempDirectory("batchserve-transform-");
    try (Stores stores = new Stores(options.s3())) {
      Outputs outputs = new Outputs(job.outputUri(), stores, temp);
      int stale = outputs.removeStalePartials();
      if (stale > 0) {
        log(
            "removed "
                + stale
                + " partial output file(s) left by an interrupted run in "
                + outputs.location());
      }
      List<FileResult> results = new ArrayList<>();
      List<InputObject> todo = new ArrayList<>();
      String listingFailure = list(stores, outputs, results, todo, stats);
      JobOutcome outcome;
      Instant started = Instant.now();
      Execution execution = new Execution(job, options, outputs, stats, this::log, ticker, stop);
      if (listingFailure != null) {
        outcome = new JobOutcome(JobOutcome.Status.FAILED, listingFailure, results, stats);
      } else {
        outcome = runFiles(execution, todo, results, stats, logDir(outputs, temp));
      }
      // A stop interrupts this thread; what follows (job.json, the summary) must still run.
      Thread.interrupted();
      String description =
          JobDescription.json(
              request,
              execution.resolved(),
              outcome.status().apiName(),
              outcome.failureReason(),
              new JobDescription.Times(created, started, Instant.now()),
              outcome.files(),
              stats,
              execution.harnessSettings());
      outputs.writeText("job.json", description);
      out.println(Summary.text(outcome.status().apiName(), stats));
      if (outcome.failureReason() != null) {
        out.println("  FailureReason: " + outcome.failureReason());
      }
      out.println("  outputs and job.json: " + outputs.location());
      return outcome;
    } finally {
      deleteQuietly(temp);
    }
  }

  private JobOutcome runFiles(
      Execution execution,
      List<InputObject> todo,
      List<FileResult> results,
      JobStats stats,
      Path logDir)
      throws InterruptedException {
    long bytes = todo.stream().mapToLong(InputObject::size).sum();
    if (todo.isEmpty() && results.isEmpty()) {
      String reason = "ClientError: no input objects under " + job.inputUri();
      log(reason);
      return new JobOutcome(JobOutcome.Status.FAILED, reason, results, stats);
    }
    try (Instances instances = execution.instances(logDir)) {
      try (Progress shown = new Progress(stats, todo.size(), bytes, options.progress(), out)) {
        progress = shown;
        results.addAll(execution.run(instances, todo));
      } finally {
        progress = null;
      }
    } catch (IOException e) {
      if (!stop.requested()) {
        log("instances: " + e.getMessage());
        return new JobOutcome(
            JobOutcome.Status.FAILED, "AlgorithmError: " + e.getMessage(), results, stats);
      }
    } catch (InterruptedException e) {
      if (!stop.requested()) {
        throw e;
      }
    }
    if (stop.requested()) {
      return stopped(todo, results, stats);
    }
    List<FileResult> failed =
        results.stream().filter(r -> r.status() == FileResult.Status.FAILED).toList();
    if (failed.isEmpty()) {
      return new JobOutcome(JobOutcome.Status.COMPLETED, null, results, stats);
    }
    return new JobOutcome(
        JobOutcome.Status.FAILED,
        failed.size()
            + " of "
            + results.size()
            + " files failed; first: "
            + failed.get(0).failure(),
        results,
        stats);
  }

  /** The outcome of a stopped job: every file not yet accounted for is stopped. */
  private JobOutcome stopped(List<InputObject> todo, List<FileResult> results, JobStats stats) {
    for (InputObject input : todo) {
      if (results.stream().noneMatch(r -> r.input().equals(input.display()))) {
        stats.filesStopped.increment();
        results.add(FileTransform.stopped(input, stop, 0, 0));
      }
    }
    String reason =
        "Stopped by " + stop.signal() + "; unfinished outputs were discarded, completed ones kept";
    log(reason);
    return new JobOutcome(JobOutcome.Status.STOPPED, reason, results, stats);
  }

  private String list(
      Stores stores,
      Outputs outputs,
      List<FileResult> results,
      List<InputObject> todo,
      JobStats stats) {
    try {
      for (InputObject input : Inputs.list(job.inputUri(), job.dataType(), stores)) {
        String problem =
            input.problem() != null ? input.problem() : outputs.problem(input.relativeKey());
        if (problem != null) {
          refuse(input, problem, results, stats);
        } else if (options.skipExisting() && outputs.exists(input.relativeKey())) {
          stats.filesSkipped.increment();
          results.add(
              new FileResult(
                  input.display(),
                  outputs.location().display(outputs.outputKey(input.relativeKey())),
                  FileResult.Status.SKIPPED,
                  null,
                  0,
                  0));
        } else {
          todo.add(input);
        }
      }
      return null;
    } catch (IOException e) {
      log("input: " + e.getMessage());
      return "ClientError: " + e.getMessage();
    }
  }

  /** An input the job may not touch: failed without being read, the others go on. */
  private void refuse(InputObject input, String problem, List<FileResult> results, JobStats stats) {
    String reason = input.display() + ": ClientError: " + problem;
    log(reason);
    stats.filesFailed.increment();
    results.add(new FileResult(input.display(), null, FileResult.Status.FAILED, reason, 0, 0));
  }

  private Path logDir(Outputs outputs, Path temp) {
    if (options.logDir() != null) {
      return options.logDir();
    }
    if (!outputs.location().isS3()) {
      return Path.of(outputs.location().prefix(), "logs");
    }
    return temp.getParent().resolve(temp.getFileName() + "-logs");
  }

  private void log(String line) {
    Progress shown = progress;
    if (shown != null) {
      shown.println(line);
    } else {
      synchronized (out) {
        out.println(line);
      }
    }
  }

  private static void deleteQuietly(Path directory) {
    try (var files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      directory.toFile().deleteOnExit();
    }
  }
}
