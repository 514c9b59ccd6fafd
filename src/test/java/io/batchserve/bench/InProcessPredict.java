package io.batchserve.bench;

import io.batchserve.codec.MediaType;
import io.batchserve.model.ModelLoader;
import io.batchserve.model.TabularModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (a) of docs/benchmarks.md as a plain program, so that a script can alternate it with
 * the server benchmark (b) in rounds on a noisy machine: {@code threads} threads each predict the
 * same {@code rows} decoded churn rows (one native call per prediction, as one worker does with one
 * request) for {@code seconds} seconds, after a warm-up; prints rows/s. Run by {@code
 * scripts/bench-server-vs-inprocess.sh}, which passes the CSV file it sends to the server as the
 * optional fourth argument, so that both predict the same rows (tree traversal cost depends on the
 * rows); without it, the sample customers of {@link ChurnPredictBenchmark#csvBody}.
 */
public final class InProcessPredict {
  private InProcessPredict() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int rows = Integer.parseInt(args[1]);
    double seconds = Double.parseDouble(args[2]);
    TabularModel model = (TabularModel) ModelLoader.load(Path.of("model/churn")).get(0);
    byte[] body =
        args.length > 3
            ? Files.readAllBytes(Path.of(args[3]))
            : ChurnPredictBenchmark.csvBody(rows);
    TabularModel.Rows decoded = model.decode(MediaType.CSV, body, body.length);
    if (decoded.records() != rows) {
      throw new IllegalArgumentException(
          "the body holds " + decoded.records() + " rows, not " + rows);
    }
    run(model, decoded, threads, 3);
    long predicted = run(model, decoded, threads, seconds);
    System.out.printf(
        "in-process: %d threads x %d rows per call: %.0f rows/s%n",
        threads, rows, predicted * (double) rows / seconds);
  }

  /** Predictions completed by {@code threads} threads within {@code seconds}. */
  private static long run(TabularModel model, TabularModel.Rows rows, int threads, double seconds)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  model.predict(Collections.singletonList(rows));
                  if (System.nanoTime() <= end) {
                    done.incrementAndGet();
                  }
                }
              });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return done.get();
  }
}
