package io.batchserve.codec;

import java.util.Arrays;
import java.util.List;

/**
 * Rows in compressed sparse row form: row {@code r}'s entries are {@code columns[rowStarts[r] ..
 * rowStarts[r + 1])} with their {@code values}; absent features are missing. The arrays may be
 * longer than needed; only the first {@code rows + 1} starts and the first {@code size()} entries
 * belong to the rows.
 */
public record SparseRows(long[] rowStarts, int[] columns, float[] values, int rows, int width) {
  public SparseRows {
    if (rows < 0
        || width < 0
        || rowStarts.length < rows + 1
        || columns.length != values.length
        || rowStarts[rows] > columns.length) {
      throw new IllegalArgumentException(
          "inconsistent sparse rows: "
              + rows
              + " rows, "
              + rowStarts.length
              + " starts, "
              + columns.length
              + " columns, "
              + values.length
              + " values");
    }
  }

  /** Number of entries (present values) in the rows. */
  public int size() {
    return (int) rowStarts[rows];
  }

  /** The same rows as a dense row-major block, absent features as {@code NaN}. */
  public float[] toDense() {
    float[] dense = new float[Math.multiplyExact(rows, width)];
    Arrays.fill(dense, Float.NaN);
    for (int r = 0; r < rows; r++) {
      for (long i = rowStarts[r]; i < rowStarts[r + 1]; i++) {
        dense[r * width + columns[(int) i]] = values[(int) i];
      }
    }
    return dense;
  }

  /** Dense rows as sparse ones, keeping every value that is not {@code NaN}. */
  public static SparseRows of(FloatMatrix dense) {
    Builder builder = new Builder(dense.columns(), dense.size());
    float[] v = dense.values();
    for (int r = 0; r < dense.rows(); r++) {
      builder.startRow();
      for (int c = 0; c < dense.columns(); c++) {
        float x = v[r * dense.columns() + c];
        if (!Float.isNaN(x)) {
          builder.add(c, x);
        }
      }
    }
    return builder.build();
  }

  /** Several blocks of the same width, one after another. */
  public static SparseRows concat(List<SparseRows> parts, int width) {
    Builder builder = new Builder(width, parts.stream().mapToInt(SparseRows::size).sum());
    for (SparseRows part : parts) {
      for (int r = 0; r < part.rows(); r++) {
        builder.startRow();
        for (long i = part.rowStarts()[r]; i < part.rowStarts()[r + 1]; i++) {
          builder.add(part.columns()[(int) i], part.values()[(int) i]);
        }
      }
    }
    return builder.build();
  }

  /** Appends rows entry by entry; arrays grow by doubling. Not thread-safe. */
  static final class Builder {
    private final int width;
    private long[] starts = new long[17];
    private int[] columns;
    private float[] values;
    private int rows;
    private int size;

    public Builder(int width, int expectedEntries) {
      this.width = width;
      this.columns = new int[Math.max(16, expectedEntries)];
      this.values = new float[columns.length];
    }

    /** Starts the next row (with no entries yet). */
    public void startRow() {
      if (rows + 2 > starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      rows++;
      starts[rows] = size;
    }

    /** Adds an entry to the current row. */
    public void add(int column, float value) {
      if (size == columns.length) {
        columns = Arrays.copyOf(columns, Math.multiplyExact(columns.length, 2));
        values = Arrays.copyOf(values, columns.length);
      }
      columns[size] = column;
      values[size++] = value;
      starts[rows] = size;
    }

    public int rows() {
      return rows;
    }

    public SparseRows build() {
      return new SparseRows(starts, columns, values, rows, width);
    }
  }
}
