package io.batchserve.cli;

import io.batchserve.endpoint.EndpointConfig;
import io.batchserve.endpoint.LocalEndpoint;
import io.batchserve.endpoint.ScalingPolicy;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.ModelLoader;
import io.batchserve.transform.instance.ServerCommand;
import io.batchserve.transform.source.Stores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code batchserve endpoint}: a local SageMaker endpoint that boto3 and the AWS CLI can call. */
@Command(
    name = "endpoint",
    mixinStandardHelpOptions = true,
    description =
        "A local stand-in for a SageMaker endpoint: SageMaker Runtime's InvokeEndpoint and, when"
            + " the config has an AsyncInferenceConfig, InvokeEndpointAsync, as boto3 and the AWS"
            + " CLI send them, in front of the config's instances of this container. Runs until"
            + " stopped (Ctrl-C).")
final class EndpointCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Option(
      names = "--endpoint-config",
      required = true,
      paramLabel = "FILE",
      description =
          "A CreateEndpointConfig request (JSON, as for aws sagemaker create-endpoint-config"
              + " --cli-input-json): its first ProductionVariant says the variant name and"
              + " InitialInstanceCount.")
  Path configFile;

  @Option(
      names = "--name",
      description =
          "The endpoint's name in request paths (default: the config's EndpointConfigName).")
  String name;

  @Option(
      names = "--model-dir",
      paramLabel = "DIR|ARCHIVE|S3URI",
      defaultValue = "model",
      description = "The model folder, model.tar.gz or its s3:// URI (default: ${DEFAULT-VALUE}).")
  String modelDir;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8081",
      description = "Port of the runtime API (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "Use running servers as the instances instead of starting them (repeatable).")
  List<URI> urls = List.of();

  @Option(
      names = "--image",
      paramLabel = "IMAGE",
      description = "Run each instance as a container of this image (docker run IMAGE serve).")
  String image;

  @Option(
      names = "--log-dir",
      defaultValue = "endpoint-logs",
      description = "Where the instances' logs go (default: ${DEFAULT-VALUE}).")
  Path logDir;

  @Option(
      names = "--invocation-timeout-seconds",
      defaultValue = "60",
      description =
          "How long an instance may take to answer before a ModelError (default: ${DEFAULT-VALUE},"
              + " the service's).")
  int timeoutSeconds;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "An asynchronous endpoint's journal of accepted requests and its notifications.jsonl"
              + " (default: endpoint-state/NAME); a restarted endpoint resumes what it holds.")
  Path stateDir;

  @Option(
      names = "--scalable-target",
      paramLabel = "FILE",
      description =
          "An asynchronous endpoint's RegisterScalableTarget request (JSON, as for aws"
              + " application-autoscaling register-scalable-target --cli-input-json): MinCapacity"
              + " (0 scales to zero) and MaxCapacity. Needs --scaling-policy.")
  Path scalableTarget;

  @Option(
      names = "--scaling-policy",
      paramLabel = "FILE",
      description =
          "A PutScalingPolicy request (JSON): the target-tracking policy on"
              + " ApproximateBacklogSizePerInstance and, to scale out from zero, the step policy"
              + " for HasBacklogWithoutCapacity (repeatable).")
  List<Path> scalingPolicies = List.of();

  @Option(
      names = "--notification-url",
      paramLabel = "URL",
      description =
          "Also POST each asynchronous result's notification (the JSON SageMaker publishes to"
              + " SNS) to this URL.")
  URI webhook;

  @Option(
      names = "--max-backlog",
      defaultValue = "1000000",
      description =
          "Most asynchronous requests queued or running; more are refused with"
              + " ServiceUnavailable (default: ${DEFAULT-VALUE}).")
  int maxBacklog;

  @Option(
      names = "--scaling-sample-seconds",
      defaultValue = "1",
      description =
          "How often the backlog is sampled and scaling decided (default: ${DEFAULT-VALUE}).")
  double sampleSeconds;

  @Option(
      names = "--metrics-seconds",
      defaultValue = "60",
      description =
          "How often the backlog metrics line is printed, when it changed (default:"
              + " ${DEFAULT-VALUE}, CloudWatch's period); GET /metrics answers them at any time.")
  double metricsSeconds;

  @Option(names = "--server-main", hidden = true, defaultValue = ServerCommand.DEFAULT_MAIN)
  String serverMain;

  /** S3 as the AWS SDKs find it: AWS_ENDPOINT_URL(_S3), profiles, the default chain. */
  private static Stores.S3Settings s3() {
    return Stores.S3Settings.of(null, false, null, System.getenv());
  }

  @Override
  public Integer call() throws Exception {
    EndpointConfig config;
    ScalingPolicy scaling;
    LocalEndpoint.AsyncSettings async;
    Path models = Path.of(".");
    try {
      config = EndpointConfig.read(configFile);
      scaling = scaling(config);
      if (urls.isEmpty()) {
        models = ModelDirs.resolve(modelDir, s3());
        ModelLoader.check(models);
      }
      String endpointName = name != null ? name : config.name();
      async =
          new LocalEndpoint.AsyncSettings(
              stateDir != null ? stateDir : Path.of("endpoint-state", endpointName),
              scaling,
              webhook,
              maxBacklog,
              seconds("--scaling-sample-seconds", sampleSeconds),
              seconds("--metrics-seconds", metricsSeconds));
    } catch (IllegalArgumentException | ModelLoadException e) {
      command.commandLine().getErr().println("batchserve endpoint: " + e.getMessage());
      return 2;
    }
    String endpointName = name != null ? name : config.name();
    LocalEndpoint.Settings settings =
        new LocalEndpoint.Settings(
            endpointName,
            config,
            new ServerCommand(serverMain, models, List.of(), image),
            urls,
            host,
            port,
            logDir,
            Duration.ofSeconds(timeoutSeconds),
            s3(),
            async);
    var out = command.commandLine().getOut();
    // Ctrl-C or SIGTERM: the hook lets this thread close the endpoint (the journal keeps what is
    // unfinished) and print the run summary, and holds the JVM until it has (30 s at most).
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopped.countDown();
                  try {
                    closed.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "endpoint-stop"));
    try (LocalEndpoint endpoint = LocalEndpoint.start(settings, line -> out.println(line))) {
      out.printf(
          "endpoint %s (variant %s, %d instance(s)%s) ready: POST"
              + " http://%s:%d/endpoints/%s/%s%nnote: requests are not authenticated (any"
              + " SigV4 signature is accepted); it binds to %s only%n",
          endpointName,
          config.variant(),
          urls.isEmpty() ? config.instances() : urls.size(),
          config.asynchronous()
              ? ", asynchronous"
                  + (scaling == null
                      ? ""
                      : ", scaling " + scaling.min() + ".." + scaling.max() + " instance(s)")
                  + "; metrics: GET http://"
                  + host
                  + ":"
                  + endpoint.port()
                  + "/metrics"
              : "",
          host,
          endpoint.port(),
          endpointName,
          config.asynchronous() ? "async-invocations" : "invocations",
          host);
      out.flush();
      stopped.await();
    } finally {
      out.flush();
      closed.countDown();
    }
    return 0;
  }

  /** The scaling policy of the files given, checked against the config. */
  private ScalingPolicy scaling(EndpointConfig config) throws IOException {
    if (scalableTarget == null && scalingPolicies.isEmpty()) {
      return null;
    }
    if (scalableTarget == null || scalingPolicies.isEmpty()) {
      throw new IllegalArgumentException(
          "--scalable-target and --scaling-policy go together: the scalable target gives the"
              + " capacity range, the policy the target backlog per instance");
    }
    if (!config.asynchronous()) {
      throw new IllegalArgumentException(
          "--scalable-target: "
              + configFile
              + " has no AsyncInferenceConfig; the local endpoint scales asynchronous endpoints"
              + " only");
    }
    return ScalingPolicy.read(scalableTarget, scalingPolicies);
  }

  private static Duration seconds(String flag, double seconds) {
    if (!(seconds > 0) || seconds > 86_400) {
      throw new IllegalArgumentException(
          flag + " " + seconds + ": must be over 0 and at most 86400");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
