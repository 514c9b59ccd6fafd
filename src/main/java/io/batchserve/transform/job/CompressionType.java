package io.batchserve.transform.job;

/** TransformInput.CompressionType: Gzip objects are decompressed before splitting. */
public enum CompressionType {
  None,
  Gzip;

  public static CompressionType parse(String value) {
    return ApiEnum.parse(CompressionType.class, value);
  }
}
