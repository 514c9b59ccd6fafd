package io.batchserve.cli;

import io.batchserve.config.SageMakerEnv;
import io.batchserve.config.ServeFlags;
import io.batchserve.config.ServerConfig;
import io.batchserve.http.ModelServer;
import io.batchserve.model.ModelLoadException;
import io.batchserve.transform.source.Stores;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** {@code serve}: the model server SageMaker starts with {@code docker run IMAGE serve}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the models of a model directory over the SageMaker container contract:",
      "GET /ping, POST /invocations, GET /execution-parameters.",
      "Flags win over the environment (SAGEMAKER_BIND_TO_PORT, SM_MODEL_DIR,"
          + " SAGEMAKER_MODEL_SERVER_WORKERS, ...)."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      description =
          "Port (default: SAGEMAKER_BIND_TO_PORT, else " + SageMakerEnv.DEFAULT_PORT + ").")
  Integer port;

  @Option(names = "--host", description = "Address to bind (default: 0.0.0.0).")
  String host;

  @Option(
      names = "--model-dir",
      description =
          "Model directory, or a model.tar.gz or its s3:// ModelDataUrl "
              + "(unpacked as SageMaker unpacks it) (default: SM_MODEL_DIR, else /opt/ml/model).")
  String modelDir;

  @Option(
      names = "--workers",
      description =
          "Prediction threads (default: SAGEMAKER_MODEL_SERVER_WORKERS, "
              + "else one per available processor).")
  Integer workers;

  @Option(
      names = "--max-payload-in-mb",
      description =
          "MaxPayloadInMB to advertise and accept, 0..100 "
              + "(default: SAGEMAKER_MAX_PAYLOAD_IN_MB, else "
              + SageMakerEnv.DEFAULT_PAYLOAD_MB
              + ").")
  Integer maxPayloadMb;

  @Option(
      names = "--max-payload-mb",
      hidden = true,
      description = "The old spelling of --max-payload-in-mb.")
  Integer oldMaxPayloadMb;

  @Option(
      names = "--max-request-mb",
      description =
          "Largest request body in MB, never below the payload (default: BATCHSERVE_MAX_REQUEST_MB,"
              + " else the payload; 100 when the payload is 0).")
  Integer maxRequestMb;

  @Option(
      names = "--queue-capacity",
      description =
          "Requests admitted but not yet running; more get 503 "
              + "(default: BATCHSERVE_QUEUE_CAPACITY, else max(64, 8 x workers)).")
  Integer queueCapacity;

  @Option(
      names = "--max-batch-records",
      description =
          "Record budget for merging queued requests into one "
              + "prediction (default: BATCHSERVE_MAX_BATCH_RECORDS, else "
              + SageMakerEnv.DEFAULT_MAX_BATCH_RECORDS
              + ").")
  Integer maxBatchRecords;

  @Option(
      names = "--max-batch-delay-ms",
      description =
          "How long a worker waits for more requests to merge "
              + "(default: BATCHSERVE_MAX_BATCH_DELAY_MS, else 0: only what is already queued).")
  Integer maxBatchDelayMs;

  @Option(
      names = "--timeout-seconds",
      description =
          "Per-request timeout (default: SAGEMAKER_MODEL_SERVER_TIMEOUT, "
              + "else "
              + SageMakerEnv.DEFAULT_TIMEOUT_SECONDS
              + ", or "
              + SageMakerEnv.BATCH_TIMEOUT_SECONDS
              + " when SAGEMAKER_BATCH is true).")
  Integer timeoutSeconds;

  @Option(
      names = "--libsvm-index-base",
      description =
          "Whether text/libsvm feature indices start at 0 (SageMaker's "
              + "XGBoost 1.5-1 to 1.7-1) or 1 (default: BATCHSERVE_LIBSVM_INDEX_BASE, else 0).")
  Integer libsvmIndexBase;

  @Option(
      names = "--stats-interval-seconds",
      description =
          "How often a busy server logs a line of traffic "
              + "statistics; 0 for never (default: BATCHSERVE_STATS_INTERVAL_SECONDS, else "
              + SageMakerEnv.DEFAULT_STATS_SECONDS
              + ").")
  Integer statsIntervalSeconds;

  @Option(
      names = "--engine",
      description =
          "What evaluates the trees: auto (the Java engine for each model it serves exactly,"
              + " verified bit for bit against xgboost4j on load; xgboost4j otherwise), java (fail"
              + " start-up when a model does not qualify) or xgboost4j (default: BATCHSERVE_ENGINE,"
              + " else auto).")
  String engine;

  @Option(
      names = "--min-request-rate",
      description =
          "Slowest average rate, in bytes/s, at which a request body may arrive once the grace"
              + " period is over; slower clients are cut off with 408; 0 for no limit (default:"
              + " BATCHSERVE_MIN_REQUEST_RATE, else "
              + SageMakerEnv.DEFAULT_MIN_REQUEST_RATE
              + ").")
  Integer minRequestRate;

  @Option(
      names = "--request-grace-seconds",
      description =
          "How long any request body may take before "
              + "--min-request-rate applies (default: BATCHSERVE_REQUEST_GRACE_SECONDS, else "
              + SageMakerEnv.DEFAULT_REQUEST_GRACE_SECONDS
              + ").")
  Integer requestGraceSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (oldMaxPayloadMb != null) {
      OldSpelling.note("--max-payload-mb", "--max-payload-in-mb");
      maxPayloadMb = oldMaxPayloadMb;
    }
    Path models = null;
    if (modelDir != null) {
      try {
        models =
            ModelDirs.resolve(modelDir, Stores.S3Settings.of(null, false, null, System.getenv()));
      } catch (ModelLoadException e) {
        System.err.println("batchserve serve: --model-dir: " + e.getMessage());
        return 2;
      }
    }
    ServeFlags flags =
        ServeFlags.builder()
            .port(port)
            .host(host)
            .modelDir(models)
            .workers(workers)
            .maxPayloadMb(maxPayloadMb)
            .maxRequestMb(maxRequestMb)
            .queueCapacity(queueCapacity)
            .maxBatchRecords(maxBatchRecords)
            .maxBatchDelayMs(maxBatchDelayMs)
            .timeoutSeconds(timeoutSeconds)
            .libsvmIndexBase(libsvmIndexBase)
            .statsIntervalSeconds(statsIntervalSeconds)
            .minRequestRate(minRequestRate)
            .requestGraceSeconds(requestGraceSeconds)
            .engine(engine)
            .build();
    ServerConfig config =
        SageMakerEnv.resolve(flags, System.getenv(), Runtime.getRuntime().availableProcessors());
    ModelServer server = ModelServer.start(config);
    CountDownLatch stop = new CountDownLatch(1);
    // SIGTERM (docker stop, SageMaker scale-in) and SIGINT drain and exit 0 instead of the JVM's
    // default 143.
    Signal.handle(new Signal("TERM"), signal -> stop.countDown());
    Signal.handle(new Signal("INT"), signal -> stop.countDown());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    stop.await();
    server.close();
    return 0;
  }
}
