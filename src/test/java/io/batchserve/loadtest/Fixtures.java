package io.batchserve.loadtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Small payloads, settings and run results for the load tester's tests. */
final class Fixtures {
  private Fixtures() {}

  /** {@code bodies} bodies of {@code records} records each, packed under 1 MB. */
  /** A CPU meter that sees no CPU used. */
  static final CpuMeter NO_CPU = () -> 0;

  static PayloadBodies payload(int bodies, int records) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < records; i++) {
      text.append("1,2,3\n");
    }
    PackedBody body = new PackedBody(text.toString().getBytes(StandardCharsets.UTF_8), records);
    return new PayloadBodies(PayloadBodies.MULTI_RECORD, 1, Collections.nCopies(bodies, body));
  }

  static Limits limits(Duration duration, long maxRequests) {
    return new Limits(duration, maxRequests);
  }

  /** A successful reply with as many lines as the body had records. */
  static Reply ok(PackedBody body) {
    return new Reply(200, body.records(), "");
  }

  /** A closed-loop result with the given records/s, p99 and failures. */
  static RunResult closed(
      int payloadMb, int concurrency, double recordsPerSecond, double p99, long failed) {
    var counts =
        new RunResult.Counts(
            100 + failed,
            100,
            1000,
            1000,
            failed == 0 ? Map.of("200", 100L) : Map.of("200", 100L, "503", failed),
            0);
    return new RunResult(
        "closed",
        PayloadBodies.MULTI_RECORD,
        payloadMb,
        concurrency,
        0,
        10,
        counts,
        new RunResult.Latency(p99 / 2, p99 * 0.8, p99, p99, p99, p99 / 2),
        new RunResult.Throughput(recordsPerSecond, recordsPerSecond / 1000, payloadMb),
        List.of(),
        List.of(recordsPerSecond));
  }
}
