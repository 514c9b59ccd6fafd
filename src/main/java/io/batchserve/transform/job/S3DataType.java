package io.batchserve.transform.job;

/**
 * S3DataSource.S3DataType. AugmentedManifestFile and Converse exist in the API; Batch Transform
 * rejects the first.
 */
public enum S3DataType {
  S3Prefix,
  ManifestFile,
  AugmentedManifestFile,
  Converse;

  public static S3DataType parse(String value) {
    return ApiEnum.parse(S3DataType.class, value);
  }
}
