package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparseRowsTest {
  private static final float NAN = Float.NaN;

  @Test
  void of_denseRows_keepsNonMissingValuesAndRoundTrips() {
    float[] dense = {1, NAN, 3, NAN, NAN, NAN, 0, 5, NAN};
    SparseRows rows = SparseRows.of(new FloatMatrix(dense, 3, 3));
    assertEquals(4, rows.size());
    assertArrayEquals(dense, rows.toDense());
  }

  @Test
  void concat_blocks_keepsRowOrder() {
    SparseRows a = SparseRows.of(new FloatMatrix(new float[] {1, NAN}, 1, 2));
    SparseRows b = SparseRows.of(new FloatMatrix(new float[] {NAN, NAN, NAN, 4}, 2, 2));
    SparseRows both = SparseRows.concat(List.of(a, b), 2);
    assertEquals(3, both.rows());
    assertArrayEquals(new float[] {1, NAN, NAN, NAN, NAN, 4}, both.toDense());
  }

  @Test
  void builder_manyRowsAndEntries_growsPastItsFirstArrays() {
    SparseRows.Builder builder = new SparseRows.Builder(2, 1);
    for (int r = 0; r < 100; r++) {
      builder.startRow();
      builder.add(r % 2, r);
    }
    SparseRows rows = builder.build();
    assertEquals(100, rows.rows());
    assertEquals(99f, rows.toDense()[99 * 2 + 1]);
  }
}
