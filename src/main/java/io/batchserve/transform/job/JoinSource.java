package io.batchserve.transform.job;

/** DataProcessing.JoinSource: Input joins each output record to its (unfiltered) input record. */
public enum JoinSource {
  None,
  Input;

  public static JoinSource parse(String value) {
    return ApiEnum.parse(JoinSource.class, value);
  }
}
