package io.batchserve.transform.job;

/** TransformInput.SplitType: how an input object is cut into records. */
public enum SplitType {
  None,
  Line,
  RecordIO,
  TFRecord;

  public static SplitType parse(String value) {
    return ApiEnum.parse(SplitType.class, value);
  }
}
