package io.batchserve.bench;

import io.batchserve.codec.MediaType;
import io.batchserve.model.Engine;
import io.batchserve.model.LoadOptions;
import io.batchserve.model.ModelLoader;
import io.batchserve.model.TabularModel;
import java.nio.file.Path;
import java.util.Collections;
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
 * One prediction call of the churn model over {@code rows} decoded rows, by each engine, side by
 * side in one run: the Java engine against xgboost4j's {@code inplace_predict} (booster nthread=1).
 * Average time per call; the ratio of the two is the engine's speed-up at that batch size. Run:
 * {@code OMP_NUM_THREADS=1 scripts/bench-jmh.sh EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  @Param({"1", "16", "64", "256", "1000", "20000"})
  public int rows;

  @Param({"java", "xgboost4j"})
  public String engine;

  private TabularModel model;
  private TabularModel.Rows decoded;

  @Setup
  public void setUp() throws Exception {
    model =
        (TabularModel)
            ModelLoader.load(Path.of("model/churn"), new LoadOptions(0, Engine.parse(engine)))
                .get(0);
    byte[] body = ChurnPredictBenchmark.csvBody(rows);
    decoded = model.decode(MediaType.CSV, body, body.length);
  }

  @Benchmark
  public float[][] predict() {
    return model.predict(Collections.singletonList(decoded)).get(0);
  }
}
