package io.batchserve.bench;

import io.batchserve.codec.MediaType;
import io.batchserve.model.Model;
import io.batchserve.model.ModelLoader;
import io.batchserve.model.TabularModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process churn scoring, the ceiling for the server: (a) in docs/benchmarks.md.
 *
 * <p>{@code predict}: one native call over {@code rows} pre-decoded rows. {@code
 * decodePredictEncode}: the same plus parsing the CSV body and writing the CSV answer, i.e. all the
 * work the server does per request except HTTP. Multiply ops/s by {@code rows} for rows/s. Run:
 * {@code scripts/bench-jmh.sh ChurnPredictBenchmark} (one thread) and {@code scripts/bench-jmh.sh
 * ChurnPredictBenchmark -t 2} (two threads, as the server's two workers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChurnPredictBenchmark {
  @Param({"1", "100", "10000", "80000"})
  public int rows;

  private TabularModel model;
  private byte[] body;
  private TabularModel.Rows decoded;

  @Setup
  public void setUp() throws Exception {
    model = (TabularModel) ModelLoader.load(Path.of("model/churn")).get(0);
    body = csvBody(rows);
    decoded = model.decode(MediaType.CSV, body, body.length);
  }

  /**
   * {@code rows} customers of the sample data (id column dropped), repeated as needed, as one CSV
   * body.
   */
  static byte[] csvBody(int rows) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("test/data/churn/customers-001.csv"));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      String line = lines.get(i % lines.size());
      out.append(line, line.indexOf(',') + 1, line.length()).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public float[][] predict() {
    return model.predict(Collections.singletonList(decoded)).get(0);
  }

  @Benchmark
  public TabularModel.Rows decode() {
    return model.decode(MediaType.CSV, body, body.length);
  }

  @Benchmark
  public byte[] decodePredictEncode() {
    return roundTrip(model, body);
  }

  static <B extends Model.Batch, R> byte[] roundTrip(Model<B, R> model, byte[] body) {
    B batch = model.decode(MediaType.CSV, body, body.length);
    return model.encode(model.predict(Collections.singletonList(batch)).get(0), MediaType.CSV);
  }
}
