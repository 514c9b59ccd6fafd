package io.batchserve.transform.run;

import io.batchserve.time.Ticker;
import io.batchserve.transform.instance.ExecutionParametersProbe;
import io.batchserve.transform.instance.Instances;
import io.batchserve.transform.invoke.Backoff;
import io.batchserve.transform.invoke.Endpoint;
import io.batchserve.transform.invoke.Invoker;
import io.batchserve.transform.job.JobSpec;
import io.batchserve.transform.process.RecordProcessor;
import io.batchserve.transform.report.FileResult;
import io.batchserve.transform.report.JobStats;
import io.batchserve.transform.source.InputObject;
import io.batchserve.transform.source.Outputs;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The instances part of a job: start them, resolve each one's plan, spread the files over them
 * (sorted by key, round robin: one object on one instance), and run each instance's files,
 * MaxConcurrentTransforms at a time.
 */
final class Execution {
  private final JobSpec job;
  private final HarnessOptions options;
  private final Outputs outputs;
  private final JobStats stats;
  private final Consumer<String> log;
  private final Ticker ticker;
  private final StopSignal stop;
  private final HttpClient client;
  private final Backoff backoff;
  private final RecordProcessor processor;
  private InstanceSettings firstPlan;
  private long restarts;

  Execution(
      JobSpec job,
      HarnessOptions options,
      Outputs outputs,
      JobStats stats,
      Consumer<String> log,
      Ticker ticker,
      StopSignal stop) {
    this.stop = stop;
    this.job = job;
    this.options = options;
    this.outputs = outputs;
    this.stats = stats;
    this.log = log;
    this.ticker = ticker;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newCachedThreadPool(Execution::daemon))
            .build();
    this.backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), options.seed());
    this.processor =
        RecordProcessor.of(
            job.contentType(),
            job.inputFilter(),
            job.joinSource(),
            job.outputFilter(),
            options.sliceEnd());
  }

  Instances instances(Path logDir) throws IOException, InterruptedException {
    if (!options.endpoints().isEmpty()) {
      return Instances.connect(options.endpoints(), client, options.startupLimit(), log);
    }
    log.accept(
        "starting "
            + job.instanceCount()
            + " "
            + options.server().describe()
            + " on model directory "
            + options.server().modelDir()
            + "; their logs go to "
            + logDir);
    Instances.Launch launch =
        new Instances.Launch(
            options.server(),
            ContainerEnvironment.of(job),
            logDir,
            options.startupLimit(),
            options.maxRestarts(),
            log);
    return Instances.start(launch, job.instanceCount(), client);
  }

  /**
   * Runs the files and returns their results in input order. When the job is stopped (its thread
   * interrupted after a {@link StopSignal}), it cancels what is in flight, stops the instances,
   * waits for every file to discard its unfinished output, and returns each file's state:
   * completed, failed, or stopped.
   */
  List<FileResult> run(Instances instances, List<InputObject> files) throws InterruptedException {
    List<Endpoint> endpoints = instances.endpoints();
    List<List<InputObject>> shares = new ArrayList<>();
    endpoints.forEach(e -> shares.add(new ArrayList<>()));
    for (int i = 0; i < files.size(); i++) {
      shares.get(i % endpoints.size()).add(files.get(i));
    }
    List<Future<FileResult>> futures = new ArrayList<>();
    List<ExecutorService> pools = new ArrayList<>();
    stats.markStarted();
    try {
      for (int i = 0; i < endpoints.size(); i++) {
        futures.addAll(runInstance(endpoints.get(i), shares.get(i), pools));
      }
      List<FileResult> results = new ArrayList<>();
      for (Future<FileResult> future : futures) {
        results.add(get(future));
      }
      restarts = instances.restarts();
      return order(results, files);
    } catch (InterruptedException e) {
      if (!stop.requested()) {
        throw e;
      }
      return stopped(instances, files, futures, pools);
    } finally {
      pools.forEach(ExecutorService::shutdownNow);
    }
  }

  private List<FileResult> stopped(
      Instances instances,
      List<InputObject> files,
      List<Future<FileResult>> futures,
      List<ExecutorService> pools)
      throws InterruptedException {
    log.accept(
        "stopping (" + stop.signal() + "): cancelling requests in flight and stopping the servers");
    pools.forEach(ExecutorService::shutdownNow);
    instances.close();
    for (ExecutorService pool : pools) {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
    restarts = instances.restarts();
    List<FileResult> results = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      Future<FileResult> future = futures.get(i);
      if (future.isDone() && !future.isCancelled()) {
        results.add(get(future));
      }
    }
    List<FileResult> ordered = new ArrayList<>(order(results, files));
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i) == null) {
        stats.filesStopped.increment();
        ordered.set(i, FileTransform.stopped(files.get(i), stop, 0, 0));
      }
    }
    return ordered;
  }

  private List<Future<FileResult>> runInstance(
      Endpoint endpoint, List<InputObject> files, List<ExecutorService> pools)
      throws InterruptedException {
    InstanceSettings plan =
        InstanceSettings.resolve(job, ExecutionParametersProbe.fetch(client, endpoint.base()));
    log.accept(endpoint + ": [sagemaker logs]: " + plan.logLine());
    if (firstPlan == null) {
      firstPlan = plan;
    }
    int concurrency = plan.maxConcurrentTransforms();
    ExecutorService requests = Executors.newFixedThreadPool(concurrency, Execution::daemon);
    ExecutorService assemblers = Executors.newFixedThreadPool(concurrency, Execution::daemon);
    ExecutorService fileThreads =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(concurrency, files.size())), Execution::daemon);
    pools.add(requests);
    pools.add(assemblers);
    pools.add(fileThreads);
    Invoker.Settings settings =
        new Invoker.Settings(
            job.contentType(),
            job.accept(),
            Duration.ofSeconds(job.invocationsTimeoutSeconds()),
            job.invocationsMaxRetries(),
            options.retryClientErrors(),
            options.retryAfterLimit());
    Invoker invoker = new Invoker(client, endpoint, settings, backoff, ticker, stats);
    InstanceRun worker =
        new InstanceRun(
            job,
            plan,
            processor,
            invoker,
            requests,
            assemblers,
            new Semaphore(2 * concurrency),
            stats,
            options,
            outputs,
            log,
            stop);
    List<Future<FileResult>> futures = new ArrayList<>();
    for (InputObject file : files) {
      futures.add(fileThreads.submit(() -> new FileTransform(file, worker).run()));
    }
    return futures;
  }

  private static FileResult get(Future<FileResult> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a file transform threw", e.getCause());
    }
  }

  private static List<FileResult> order(List<FileResult> results, List<InputObject> files) {
    Map<String, FileResult> byInput = new LinkedHashMap<>();
    results.forEach(r -> byInput.put(r.input(), r));
    return files.stream().map(f -> byInput.get(f.display())).collect(Collectors.toList());
  }

  /** The settings the job ran with, in DescribeTransformJob's keys. */
  Map<String, Object> resolved() {
    Map<String, Object> resolved = new LinkedHashMap<>();
    if (firstPlan != null) {
      resolved.put("MaxConcurrentTransforms", firstPlan.maxConcurrentTransforms());
      resolved.put("MaxPayloadInMB", firstPlan.maxPayloadInMb());
      resolved.put("BatchStrategy", firstPlan.strategy().apiName());
    }
    resolved.put(
        "ModelClientConfig",
        Map.of(
            "InvocationsTimeoutInSeconds",
            job.invocationsTimeoutSeconds(),
            "InvocationsMaxRetries",
            job.invocationsMaxRetries()));
    resolved.put("Environment", job.environment());
    return resolved;
  }

  Map<String, Object> harnessSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("SettingSources", firstPlan == null ? Map.of() : firstPlan.sources());
    settings.put("BytesPerMB", options.bytesPerMb());
    settings.put("RetryClientErrors", options.retryClientErrors());
    settings.put("NewlineAfterResponse", options.alwaysNewline() ? "always" : "if-missing");
    settings.put("SliceEnd", options.sliceEnd().name().toLowerCase(Locale.ROOT));
    settings.put("Endpoints", options.endpoints().stream().map(Object::toString).toList());
    settings.put("ServerRestarts", restarts);
    return settings;
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "transform");
    thread.setDaemon(true);
    return thread;
  }
}
