package io.batchserve.cli;

import io.batchserve.transform.job.JobRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The CreateTransformJob fields as flags; each overrides the same field of {@code --job}. */
final class TransformJobFlags {
  @Option(names = "--job-name", description = "TransformJobName (default: local-transform-<time>).")
  String name;

  @Option(names = "--model-name", description = "ModelName (default: the --model-dir folder name).")
  String modelName;

  @Option(
      names = "--input",
      paramLabel = "URI",
      description =
          "TransformInput S3Uri: s3://bucket/prefix, "
              + "file://path or a local file, folder or prefix.")
  String input;

  @Option(names = "--s3-data-type", description = "S3DataType: S3Prefix (default) or ManifestFile.")
  String dataType;

  @Option(
      names = "--content-type",
      description = "TransformInput ContentType, sent as Content-Type.")
  String contentType;

  @Option(names = "--compression-type", description = "CompressionType: None (default) or Gzip.")
  String compression;

  @Option(
      names = "--split-type",
      description = "SplitType: None (default), Line, RecordIO or TFRecord.")
  String splitType;

  @Option(
      names = "--output",
      paramLabel = "URI",
      description =
          "TransformOutput S3OutputPath: s3://bucket/prefix, file://path or a local folder.")
  String output;

  @Option(names = "--accept", description = "TransformOutput Accept, sent as Accept.")
  String accept;

  @Option(names = "--assemble-with", description = "AssembleWith: None (default) or Line.")
  String assembleWith;

  @Option(
      names = "--batch-strategy",
      description =
          "BatchStrategy: MultiRecord or SingleRecord "
              + "(MULTI_RECORD and SINGLE_RECORD accepted).")
  String batchStrategy;

  @Option(
      names = "--max-payload-in-mb",
      description = "MaxPayloadInMB, 0..100 (0: whole object, chunked).")
  Integer maxPayload;

  @Option(
      names = "--max-concurrent-transforms",
      description = "MaxConcurrentTransforms per instance.")
  Integer maxConcurrent;

  @Option(names = "--instance-count", description = "TransformResources InstanceCount (default 1).")
  Integer instanceCount;

  @Option(
      names = "--instance-type",
      description = "TransformResources InstanceType (recorded, not used).")
  String instanceType;

  @Option(
      names = "--invocations-timeout-in-seconds",
      description = "ModelClientConfig, 1..3600 (default 600).")
  Integer timeout;

  @Option(names = "--invocations-max-retries", description = "ModelClientConfig, 0..3 (default 3).")
  Integer retries;

  @Option(
      names = "--input-filter",
      description = "DataProcessing InputFilter (JSONPath, default $).")
  String inputFilter;

  @Option(
      names = "--output-filter",
      description = "DataProcessing OutputFilter (JSONPath, default $).")
  String outputFilter;

  @Option(
      names = "--join-source",
      description = "DataProcessing JoinSource: None (default) or Input.")
  String joinSource;

  @Option(
      names = "--environment",
      paramLabel = "K=V",
      description = "Environment entry (repeatable).")
  Map<String, String> environment = new LinkedHashMap<>();

  /** Flags for the members the API requires, named in the message of a missing one. */
  static final Map<String, String> REQUIRED_FLAGS =
      Map.of(
          "TransformJobName", "--job-name",
          "ModelName", "--model-name",
          "TransformInput.DataSource.S3DataSource.S3DataType", "--s3-data-type S3Prefix",
          "TransformInput.DataSource.S3DataSource.S3Uri", "--input",
          "TransformOutput.S3OutputPath", "--output",
          "TransformResources.InstanceType", "--instance-type, e.g. ml.m5.xlarge",
          "TransformResources.InstanceCount", "--instance-count");

  /**
   * Fills the two names the API requires when neither the file nor a flag gives them, and says so:
   * a local run may go without them, a real submission may not.
   */
  void defaultNames(JobRequest request, String defaultName, String modelName) {
    if (!request.has("TransformJobName")) {
      request.set("TransformJobName", defaultName);
      request.note(
          "TransformJobName: not given, using '"
              + defaultName
              + "' for this run; the real API requires "
              + "it (add it to the job file or pass --job-name)");
    }
    if (!request.has("ModelName")) {
      String name = modelName;
      request.set("ModelName", name);
      request.note(
          "ModelName: not given, using '"
              + name
              + "' (from --model-dir) for this run; the real API "
              + "requires it (add it to the job file or pass --model-name)");
    }
  }

  /** Sets the members the flags give over the file's. */
  void applyTo(JobRequest request) {
    String source = "TransformInput.DataSource.S3DataSource.";
    request
        .set("TransformJobName", name)
        .set("ModelName", modelName)
        .set(source + "S3Uri", input)
        .set(source + "S3DataType", dataType)
        .set("TransformInput.ContentType", contentType)
        .set("TransformInput.CompressionType", compression)
        .set("TransformInput.SplitType", splitType)
        .set("TransformOutput.S3OutputPath", output)
        .set("TransformOutput.Accept", accept)
        .set("TransformOutput.AssembleWith", assembleWith)
        .set("BatchStrategy", batchStrategy)
        .set("MaxPayloadInMB", maxPayload)
        .set("MaxConcurrentTransforms", maxConcurrent)
        .set("TransformResources.InstanceCount", instanceCount)
        .set("TransformResources.InstanceType", instanceType)
        .set("ModelClientConfig.InvocationsTimeoutInSeconds", timeout)
        .set("ModelClientConfig.InvocationsMaxRetries", retries)
        .set("DataProcessing.InputFilter", inputFilter)
        .set("DataProcessing.OutputFilter", outputFilter)
        .set("DataProcessing.JoinSource", joinSource)
        .putEnvironment(environment);
  }
}
