package io.batchserve.transform.job;

import java.util.Map;
import java.util.Set;

/**
 * The fields of a CreateTransformJob request, as {@code aws sagemaker create-transform-job --cli-input-json} takes
 * them. A field maps to its child fields; a leaf maps to null. Fields the harness accepts but has no use for
 * (KMS keys, tags, data capture, experiment config) are still known, so a real request file is accepted as is.
 */
final class JobFields {
  static final Map<String, Object> ROOT = Map.ofEntries(
      Map.entry("TransformJobName", ""),
      Map.entry("ModelName", ""),
      Map.entry("MaxConcurrentTransforms", ""),
      Map.entry("ModelClientConfig", Set.of("InvocationsTimeoutInSeconds", "InvocationsMaxRetries")),
      Map.entry("MaxPayloadInMB", ""),
      Map.entry("BatchStrategy", ""),
      Map.entry("Environment", "map"),
      Map.entry("TransformInput", Map.of(
          "DataSource", Map.of("S3DataSource", Set.of("S3DataType", "S3Uri")),
          "ContentType", "", "CompressionType", "", "SplitType", "")),
      Map.entry("TransformOutput", Set.of("S3OutputPath", "Accept", "AssembleWith", "KmsKeyId")),
      Map.entry("DataCaptureConfig", "any"),
      Map.entry("TransformResources", Set.of("InstanceType", "InstanceCount", "VolumeKmsKeyId",
          "TransformAmiVersion")),
      Map.entry("DataProcessing", Set.of("InputFilter", "OutputFilter", "JoinSource")),
      Map.entry("Tags", "any"),
      Map.entry("ExperimentConfig", "any"));

  private JobFields() {}
}
