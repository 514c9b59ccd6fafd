package io.batchserve.loadtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.loadtest.report.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-instance records/s a load test report recommends, and the processors of the machine it
 * was measured on.
 *
 * @param processors 0 when the report does not say
 */
public record MeasuredRate(double recordsPerSecond, int processors, String description) {
  public static MeasuredRate fromReport(Path report) {
    JsonNode root;
    try {
      root = JsonFiles.read(report);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the load test report " + report + ": " + e.getMessage(), e);
    }
    JsonNode recommendation = root.path("recommendation");
    if (!recommendation.path("found").asBoolean(false)) {
      throw new IllegalArgumentException(
          report + " has no recommendation to plan with; give --records-per-second");
    }
    double rate = recommendation.path("recordsPerSecond").asDouble();
    int processors = root.path("machine").path("processors").asInt(0);
    String description =
        String.format(
            Locale.ROOT,
            "%s: %s, MaxConcurrentTransforms %d, MaxPayloadInMB %d on %d processors",
            report.getFileName(),
            recommendation.path("batchStrategy").asText(),
            recommendation.path("maxConcurrentTransforms").asInt(),
            recommendation.path("maxPayloadInMB").asInt(),
            processors);
    return new MeasuredRate(rate, processors, description);
  }

  /** The rate scaled to an instance's vCPUs, assuming throughput grows linearly with processors. */
  public MeasuredRate scaledTo(int vcpu) {
    if (processors < 1) {
      throw new IllegalArgumentException(
          "the report does not say how many processors it was measured on");
    }
    return new MeasuredRate(
        recordsPerSecond * vcpu / processors,
        vcpu,
        description
            + ", scaled x"
            + vcpu
            + "/"
            + processors
            + " to the instance's vCPUs (assumes linear scaling)");
  }
}
