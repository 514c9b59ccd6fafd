package io.batchserve.bench;

import com.google.protobuf.CodedInputStream;
import io.batchserve.codec.CsvFeatures;
import io.batchserve.codec.RecordioProtobuf;
import io.batchserve.testing.RecordioEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding 10,000 dense rows of 20 features sent as {@code application/x-recordio-protobuf}: the
 * hand-written reader ({@link RecordioProtobuf}) against the same decoding done with the protobuf
 * runtime's {@link CodedInputStream} (what protoc-generated parsers call, without their message
 * objects), with the CSV parser on the same rows for scale. Run: {@code scripts/bench-jmh.sh
 * RecordioBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordioBenchmark {
  private static final int ROWS = 10_000;
  private static final int WIDTH = 20;
  private byte[] recordio;
  private byte[] csv;
  private List<String> columns;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    RecordioEncoder encoder = new RecordioEncoder();
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < ROWS; r++) {
      float[] row = new float[WIDTH];
      for (int f = 0; f < WIDTH; f++) {
        row[f] = (float) Math.round(random.nextGaussian() * 10_000) / 100;
        text.append(f > 0 ? "," : "").append(row[f]);
      }
      text.append('\n');
      encoder.dense(row);
    }
    recordio = encoder.bytes();
    csv = text.toString().getBytes(StandardCharsets.US_ASCII);
    columns = new ArrayList<>();
    for (int f = 0; f < WIDTH; f++) {
      columns.add("f" + f);
    }
  }

  @Benchmark
  public Object handWritten() {
    return RecordioProtobuf.parse(recordio, recordio.length, WIDTH);
  }

  @Benchmark
  public Object protobufRuntime() throws IOException {
    float[] out = new float[ROWS * WIDTH];
    ByteBuffer frame = ByteBuffer.wrap(recordio).order(ByteOrder.LITTLE_ENDIAN);
    int row = 0;
    while (frame.remaining() >= 8) {
      frame.getInt();
      int size = frame.getInt() & ((1 << 29) - 1);
      CodedInputStream record = CodedInputStream.newInstance(recordio, frame.position(), size);
      readRecord(record, out, row++ * WIDTH);
      frame.position(frame.position() + ((size + 3) & ~3));
    }
    return out;
  }

  @Benchmark
  public Object csv() {
    return CsvFeatures.parse(csv, csv.length, columns);
  }

  /** features["values"].float32_tensor.values into {@code out} at {@code at}; the rest skipped. */
  private static void readRecord(CodedInputStream in, float[] out, int at) throws IOException {
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag != (1 << 3 | 2)) {
        in.skipField(tag);
        continue;
      }
      int entryLimit = in.pushLimit(in.readRawVarint32());
      String key = null;
      while ((tag = in.readTag()) != 0) {
        if (tag == (1 << 3 | 2)) {
          key = in.readStringRequireUtf8();
        } else if (tag == (2 << 3 | 2) && "values".equals(key)) {
          int valueLimit = in.pushLimit(in.readRawVarint32());
          in.readTag(); // float32_tensor
          int tensorLimit = in.pushLimit(in.readRawVarint32());
          in.readTag(); // packed values
          int valuesLimit = in.pushLimit(in.readRawVarint32());
          int i = at;
          while (in.getBytesUntilLimit() > 0) {
            out[i++] = in.readFloat();
          }
          in.popLimit(valuesLimit);
          in.popLimit(tensorLimit);
          in.popLimit(valueLimit);
        } else {
          in.skipField(tag);
        }
      }
      in.popLimit(entryLimit);
    }
  }
}
