package io.batchserve.codec;

/**
 * A dense row-major matrix of features; {@code NaN} marks a missing value. The array may be longer
 * than {@code rows x columns} (a reader that grows it need not trim it); only the first {@link
 * #size()} values belong to the matrix.
 */
public record FloatMatrix(float[] values, int rows, int columns) {
  public FloatMatrix {
    if (rows < 0 || columns < 0 || (long) rows * columns > values.length) {
      throw new IllegalArgumentException(
          "matrix of " + rows + " x " + columns + " cannot hold " + values.length + " values");
    }
  }

  /** Number of values that belong to the matrix. */
  public int size() {
    return rows * columns;
  }
}
