package io.batchserve.transform.job;

import static io.batchserve.transform.job.ApiShape.integer;
import static io.batchserve.transform.job.ApiShape.oneOf;
import static io.batchserve.transform.job.ApiShape.str;

import io.batchserve.transform.job.ApiShape.Bool;
import io.batchserve.transform.job.ApiShape.Enum;
import io.batchserve.transform.job.ApiShape.ListOf;
import io.batchserve.transform.job.ApiShape.MapOf;
import io.batchserve.transform.job.ApiShape.Str;
import io.batchserve.transform.job.ApiShape.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CreateTransformJob request's shape, from the SageMaker API reference (CreateTransformJob and
 * the types it names): what the service refuses before a job starts. The agreement test
 * (TransformValidationAgreementTest) holds it equal to botocore's model on a corpus of requests.
 */
final class CreateTransformJobShape {
  private static final Str S3_URI = str(0, 1024, "(https|s3)://([^/]+)/?(.*)");
  private static final Str KMS_KEY = str(0, 2048, "[a-zA-Z0-9:/_-]*");
  private static final Str EXPERIMENT_NAME = str(1, 120, "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}");
  private static final Str TAG_KEY = str(1, 128, "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
  private static final Str TAG_VALUE = str(0, 256, "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");

  /** Instance types Batch Transform runs on, by family and size. */
  private static final String[][] INSTANCE_FAMILIES = {
    {"ml.m4", "xlarge 2xlarge 4xlarge 10xlarge 16xlarge"},
    {"ml.c4", "xlarge 2xlarge 4xlarge 8xlarge"},
    {"ml.p2", "xlarge 8xlarge 16xlarge"},
    {"ml.p3", "2xlarge 8xlarge 16xlarge"},
    {"ml.c5", "xlarge 2xlarge 4xlarge 9xlarge 18xlarge"},
    {"ml.m5", "large xlarge 2xlarge 4xlarge 12xlarge 24xlarge"},
    {"ml.m6i", "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge"},
    {"ml.c6i", "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge"},
    {"ml.r6i", "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge"},
    {"ml.m7i", "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge"},
    {"ml.c7i", "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge"},
    {"ml.r7i", "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge"},
    {"ml.g4dn", "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge"},
    {"ml.g5", "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge"},
    {"ml.g6", "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge"},
    {"ml.trn1", "2xlarge 32xlarge"},
    {"ml.inf2", "xlarge 8xlarge 24xlarge 48xlarge"},
  };

  static final Struct REQUEST =
      new Struct(
          Map.ofEntries(
              Map.entry("TransformJobName", str(1, 63, "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")),
              Map.entry("ModelName", str(0, 63, "[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?")),
              Map.entry("MaxConcurrentTransforms", integer(0, Integer.MAX_VALUE)),
              Map.entry(
                  "ModelClientConfig",
                  new Struct(
                      Map.of(
                          "InvocationsTimeoutInSeconds", integer(1, 3600),
                          "InvocationsMaxRetries", integer(0, 3)),
                      Set.of())),
              Map.entry("MaxPayloadInMB", integer(0, Integer.MAX_VALUE)),
              Map.entry("BatchStrategy", oneOf("MultiRecord", "SingleRecord")),
              Map.entry(
                  "Environment",
                  new MapOf(
                      str(0, 1024, "[a-zA-Z_][a-zA-Z0-9_]{0,1023}"),
                      str(0, 10240, "[\\S\\s]*"),
                      0,
                      16)),
              Map.entry(
                  "TransformInput",
                  new Struct(
                      Map.of(
                          "DataSource",
                              new Struct(
                                  Map.of(
                                      "S3DataSource",
                                      new Struct(
                                          Map.of(
                                              "S3DataType",
                                              oneOf(
                                                  "ManifestFile",
                                                  "S3Prefix",
                                                  "AugmentedManifestFile",
                                                  "Converse"),
                                              "S3Uri",
                                              S3_URI),
                                          Set.of("S3DataType", "S3Uri"))),
                                  Set.of("S3DataSource")),
                          "ContentType", str(0, 256, ".*"),
                          "CompressionType", oneOf("None", "Gzip"),
                          "SplitType", oneOf("None", "Line", "RecordIO", "TFRecord")),
                      Set.of("DataSource"))),
              Map.entry(
                  "TransformOutput",
                  new Struct(
                      Map.of(
                          "S3OutputPath",
                          S3_URI,
                          "Accept",
                          str(0, 256, ".*"),
                          "AssembleWith",
                          oneOf("None", "Line"),
                          "KmsKeyId",
                          KMS_KEY),
                      Set.of("S3OutputPath"))),
              Map.entry(
                  "DataCaptureConfig",
                  new Struct(
                      Map.of(
                          "DestinationS3Uri", S3_URI,
                          "KmsKeyId", KMS_KEY,
                          "GenerateInferenceId", new Bool()),
                      Set.of("DestinationS3Uri"))),
              Map.entry(
                  "TransformResources",
                  new Struct(
                      Map.of(
                          "InstanceType",
                          new Enum(instanceTypes()),
                          "InstanceCount",
                          integer(1, Integer.MAX_VALUE),
                          "VolumeKmsKeyId",
                          KMS_KEY,
                          "TransformAmiVersion",
                          str(1, 63, "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*")),
                      Set.of("InstanceType", "InstanceCount"))),
              Map.entry(
                  "DataProcessing",
                  new Struct(
                      Map.of(
                          "InputFilter", str(0, 63, null),
                          "OutputFilter", str(0, 63, null),
                          "JoinSource", oneOf("Input", "None")),
                      Set.of())),
              Map.entry(
                  "Tags",
                  new ListOf(
                      new Struct(
                          Map.of("Key", TAG_KEY, "Value", TAG_VALUE), Set.of("Key", "Value")),
                      0,
                      50)),
              Map.entry(
                  "ExperimentConfig",
                  new Struct(
                      Map.of(
                          "ExperimentName", EXPERIMENT_NAME,
                          "TrialName", EXPERIMENT_NAME,
                          "TrialComponentDisplayName", EXPERIMENT_NAME,
                          "RunName", EXPERIMENT_NAME),
                      Set.of()))),
          Set.of(
              "TransformJobName",
              "ModelName",
              "TransformInput",
              "TransformOutput",
              "TransformResources"));

  private CreateTransformJobShape() {}

  static List<String> instanceTypes() {
    List<String> types = new ArrayList<>();
    for (String[] family : INSTANCE_FAMILIES) {
      for (String size : family[1].split(" ")) {
        types.add(family[0] + "." + size);
      }
    }
    return types;
  }
}
