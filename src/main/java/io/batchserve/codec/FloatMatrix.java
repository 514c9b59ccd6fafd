package io.batchserve.codec;

/** A dense row-major matrix of features; {@code NaN} marks a missing value. */
public record FloatMatrix(float[] values, int rows, int columns) {
  public FloatMatrix {
    if (rows < 0 || columns < 0 || (long) rows * columns != values.length) {
      throw new IllegalArgumentException(
          "matrix of " + rows + " x " + columns + " cannot hold " + values.length + " values");
    }
  }
}
