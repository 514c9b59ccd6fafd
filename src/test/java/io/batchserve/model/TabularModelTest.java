package io.batchserve.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.codec.FloatMatrix;
import io.batchserve.codec.LibsvmFeatures;
import io.batchserve.codec.SparseRows;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TabularModelTest {
  /** Scores a row as the sum of its features; counts native calls and the rows of each. */
  static final class SumScorer implements Scorer {
    final List<Integer> calls = new ArrayList<>();

    @Override
    public float[][] score(float[] values, int rows, int columns) {
      calls.add(rows);
      float[][] out = new float[rows][1];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          out[r][0] += values[r * columns + c];
        }
      }
      return out;
    }

    @Override
    public int features() {
      return 2;
    }
  }

  @Test
  void predict_severalRequests_oneNativeCallAndEachGetsItsOwnRows() {
    SumScorer scorer = new SumScorer();
    TabularModel model = TabularModel.create("t", scorer, List.of("x", "y"), List.of(), Set.of());
    var first = new TabularModel.Rows(new FloatMatrix(new float[] {1, 2, 3, 4}, 2, 2));
    var second = new TabularModel.Rows(new FloatMatrix(new float[] {10, 20}, 1, 2));
    var third = new TabularModel.Rows(new FloatMatrix(new float[] {5, 5, 6, 6, 7, 7}, 3, 2));
    List<float[][]> answers = model.predict(List.of(first, second, third));
    assertEquals(List.of(6), scorer.calls);
    assertArrayEquals(new float[][] {{3}, {7}}, answers.get(0));
    assertArrayEquals(new float[][] {{30}}, answers.get(1));
    assertArrayEquals(new float[][] {{10}, {12}, {14}}, answers.get(2));
  }

  @Test
  void predict_denseAndSparseRequestsTogether_oneSparseCallInOrder() {
    List<Integer> sparseCalls = new ArrayList<>();
    SumScorer dense = new SumScorer();
    Scorer scorer =
        new Scorer() {
          @Override
          public float[][] score(float[] values, int rows, int columns) {
            float[] zeroed = values.clone();
            for (int i = 0; i < zeroed.length; i++) {
              zeroed[i] = Float.isNaN(zeroed[i]) ? 0 : zeroed[i];
            }
            return dense.score(zeroed, rows, columns);
          }

          @Override
          public float[][] scoreSparse(SparseRows rows) {
            sparseCalls.add(rows.rows());
            return Scorer.super.scoreSparse(rows);
          }

          @Override
          public int features() {
            return 2;
          }
        };
    TabularModel model = TabularModel.create("t", scorer, List.of("x", "y"), List.of(), Set.of());
    var csv = new TabularModel.Rows(new FloatMatrix(new float[] {1, 2}, 1, 2));
    byte[] libsvm = "0:10\n1:7\n".getBytes(StandardCharsets.UTF_8);
    var sparse =
        new TabularModel.Rows(LibsvmFeatures.parse(libsvm, libsvm.length, List.of("x", "y"), 0));
    List<float[][]> answers = model.predict(List.of(csv, sparse));
    assertEquals(List.of(3), sparseCalls, "one call, as sparse rows, for both requests");
    assertArrayEquals(new float[][] {{3}}, answers.get(0));
    assertArrayEquals(new float[][] {{10}, {7}}, answers.get(1));
  }
}
