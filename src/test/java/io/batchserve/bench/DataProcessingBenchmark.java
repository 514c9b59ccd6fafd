package io.batchserve.bench;

import io.batchserve.transform.job.JoinSource;
import io.batchserve.transform.process.RecordProcessor;
import io.batchserve.transform.process.SliceEnd;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The harness's DataProcessing per record, in the shapes of {@code
 * scripts/bench-dataprocessing.sh}: the JSON Lines join ({@code JoinSource Input}, {@code
 * OutputFilter $['customer_id','SageMakerOutput']}) on objects of 21 named features and an id, and
 * the CSV join ({@code InputFilter $[1:]}, {@code OutputFilter $[0,-1]}) on the same rows as CSV.
 * Run: {@code scripts/bench-jmh.sh DataProcessingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataProcessingBenchmark {
  private static final int RECORDS = 1_000;
  private static final int FEATURES = 21;

  private final byte[][] json = new byte[RECORDS][];
  private final byte[][] csv = new byte[RECORDS][];
  private final byte[][] jsonScores = new byte[RECORDS][];
  private final byte[][] csvScores = new byte[RECORDS][];
  private RecordProcessor jsonJoin;
  private RecordProcessor csvJoin;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(18);
    for (int r = 0; r < RECORDS; r++) {
      StringBuilder object = new StringBuilder("{\"customer_id\":\"customer-" + r + "\"");
      StringBuilder row = new StringBuilder("customer-" + r);
      for (int f = 0; f < FEATURES; f++) {
        String value =
            f % 3 == 0
                ? String.valueOf(random.nextInt(300))
                : String.valueOf(random.nextInt(30_000) / 100.0);
        object.append(",\"feature_").append(f).append("_name\":").append(value);
        row.append(',').append(value);
      }
      json[r] = object.append('}').toString().getBytes(StandardCharsets.UTF_8);
      csv[r] = row.toString().getBytes(StandardCharsets.UTF_8);
      String score = String.valueOf(random.nextFloat());
      jsonScores[r] = ("{\"score\":" + score + "}").getBytes(StandardCharsets.UTF_8);
      csvScores[r] = score.getBytes(StandardCharsets.UTF_8);
    }
    jsonJoin =
        RecordProcessor.of(
            "application/jsonlines",
            "$",
            JoinSource.Input,
            "$['customer_id','SageMakerOutput']",
            SliceEnd.EXCLUSIVE);
    csvJoin =
        RecordProcessor.of("text/csv", "$[1:]", JoinSource.Input, "$[0,-1]", SliceEnd.EXCLUSIVE);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void jsonLinesJoin(Blackhole sink) {
    for (int r = 0; r < RECORDS; r++) {
      sink.consume(jsonJoin.output(json[r], jsonScores[r]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void csvFilterAndJoin(Blackhole sink) {
    for (int r = 0; r < RECORDS; r++) {
      sink.consume(csvJoin.input(csv[r]));
      sink.consume(csvJoin.output(csv[r], csvScores[r]));
    }
  }
}
