package io.batchserve.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.batchserve.codec.FloatMatrix;
import io.batchserve.codec.SparseRows;
import io.batchserve.testing.TinyModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class XgboostScorerTest {
  private static float[] rows(int rows, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(5) == 0 ? Float.NaN : random.nextFloat() * 2;
    }
    return values;
  }

  @Test
  void scoreSparse_sameScoresAsDense() throws Exception {
    XgboostScorer scorer = XgboostScorer.fromBytes(TinyModels.classifier(), "tiny");
    float[] dense = rows(500, 1);
    SparseRows sparse = SparseRows.of(new FloatMatrix(dense, 500, 3));
    assertArrayEquals(scorer.score(dense, 500, 3), scorer.scoreSparse(sparse));
  }

  @Test
  void scoreSparse_fromEightThreadsAtOnce_eachGetsItsOwnScores() throws Exception {
    XgboostScorer scorer = XgboostScorer.fromBytes(TinyModels.classifier(), "tiny");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<float[]> inputs = new ArrayList<>();
      List<Future<float[][]>> answers = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        float[] dense = rows(200 + t, t);
        inputs.add(dense);
        SparseRows sparse = SparseRows.of(new FloatMatrix(dense, 200 + t, 3));
        answers.add(threads.submit(() -> scorer.scoreSparse(sparse)));
      }
      for (int t = 0; t < 64; t++) {
        assertArrayEquals(
            scorer.score(inputs.get(t), 200 + t, 3), answers.get(t).get(), "request " + t);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
