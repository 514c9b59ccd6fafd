package io.batchserve.bench;

import io.batchserve.codec.MediaType;
import io.batchserve.model.Engine;
import io.batchserve.model.LoadOptions;
import io.batchserve.model.ModelLoader;
import io.batchserve.model.forecast.ForecastModel;
import io.batchserve.model.forecast.ForecastRequest;
import io.batchserve.model.forecast.Forecasts;
import io.batchserve.model.train.ForecastData;
import io.batchserve.testing.ForecastFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The bundled forecaster in process, {@code items} series x 31 days: the "## Forecaster" section of
 * docs/benchmarks.md, with each {@code engine}. Items/s = items / (ms/op) x 1000.
 *
 * <ul>
 *   <li>{@code vectorized}: one {@code predict} for all items, as the server does for a request (31
 *       native calls);
 *   <li>{@code oneItemAtATime}: the same items, one {@code predict} each (31 native calls per
 *       item), the loop the vectorized path replaces;
 *   <li>{@code decode}: parsing and validating the JSON Lines body of {@code historyDays} days per
 *       item;
 *   <li>{@code decodeWithoutFastPath}: the same records with the {@code a} of the first history
 *       row's {@code date} written as a JSON escape: the same JSON to Jackson, but outside what the
 *       history fast path ({@code HistoryScan}) takes, so every record is decoded by Jackson alone;
 *   <li>{@code encode}: writing the forecasts of {@code items} items as JSON Lines;
 *   <li>{@code decodePredictEncode}: all the server's work for one request except HTTP.
 * </ul>
 *
 * Run: {@code scripts/bench-jmh.sh ForecastBenchmark} and, for decoding long histories, {@code
 * scripts/bench-jmh.sh 'ForecastBenchmark.decode$' -p items=1000 -p historyDays=365}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ForecastBenchmark {
  private static final int HORIZON = 31;

  @Param({"1", "100", "1000"})
  public int items;

  @Param({"120"})
  public int historyDays;

  @Param({"java", "xgboost4j"})
  public String engine;

  private ForecastModel model;
  private byte[] body;
  private byte[] escaped;
  private ForecastRequest request;
  private List<ForecastRequest> singles;
  private Forecasts forecasts;

  @Setup
  public void setUp() throws Exception {
    model =
        (ForecastModel)
            ModelLoader.load(Path.of("model/forecast"), new LoadOptions(0, Engine.parse(engine)))
                .get(0);
    List<String> lines = new ArrayList<>();
    for (ForecastData.Item item : ForecastData.generate("B", items, 20_000, historyDays, 11)) {
      lines.add(ForecastFixtures.record(item.itemId(), item.sales(), HORIZON));
    }
    body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    escaped =
        (String.join("\n", lines) + "\n")
            .replace("\"historical_rows\":[{\"date\"", "\"historical_rows\":[{\"d\\u0061te\"")
            .getBytes(StandardCharsets.UTF_8);
    request = model.decode(MediaType.JSON_LINES, body, body.length);
    forecasts = model.predict(List.of(request)).get(0);
    singles = new ArrayList<>();
    for (String line : lines) {
      byte[] one = line.getBytes(StandardCharsets.UTF_8);
      singles.add(model.decode(MediaType.JSON_LINES, one, one.length));
    }
  }

  @Benchmark
  public List<Forecasts> vectorized() {
    return model.predict(List.of(request));
  }

  @Benchmark
  public void oneItemAtATime(Blackhole blackhole) {
    for (ForecastRequest single : singles) {
      blackhole.consume(model.predict(List.of(single)));
    }
  }

  @Benchmark
  public ForecastRequest decode() {
    return model.decode(MediaType.JSON_LINES, body, body.length);
  }

  @Benchmark
  public ForecastRequest decodeWithoutFastPath() {
    return model.decode(MediaType.JSON_LINES, escaped, escaped.length);
  }

  @Benchmark
  public byte[] encode() {
    return model.encode(forecasts, MediaType.JSON_LINES);
  }

  @Benchmark
  public byte[] decodePredictEncode() {
    ForecastRequest decoded = model.decode(MediaType.JSON_LINES, body, body.length);
    return model.encode(model.predict(List.of(decoded)).get(0), MediaType.JSON_LINES);
  }
}
