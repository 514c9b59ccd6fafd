package io.batchserve.transform.job;

/** TransformOutput.AssembleWith: None concatenates responses; Line ends each with a newline. */
public enum AssembleWith {
  None,
  Line;

  public static AssembleWith parse(String value) {
    return ApiEnum.parse(AssembleWith.class, value);
  }
}
