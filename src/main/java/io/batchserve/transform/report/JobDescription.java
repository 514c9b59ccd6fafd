package io.batchserve.transform.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * job.json: the shape of DescribeTransformJob (status, FailureReason, timings, the settings the job
 * resolved to), plus a {@code Harness} section with per-file results and the summary numbers.
 */
public final class JobDescription {
  private JobDescription() {}

  /** The times of a job. */
  public record Times(Instant created, Instant started, Instant ended) {}

  public static String json(
      ObjectNode request,
      Map<String, Object> resolved,
      String status,
      String failureReason,
      Times times,
      List<FileResult> files,
      JobStats stats,
      Map<String, Object> harness) {
    ObjectNode job = Json.MAPPER.createObjectNode();
    String name = request.path("TransformJobName").asText();
    job.put("TransformJobName", name);
    job.put(
        "TransformJobArn",
        "arn:aws:sagemaker:local:000000000000:transform-job/" + name.toLowerCase(Locale.ROOT));
    job.put("TransformJobStatus", status);
    if (failureReason != null) {
      job.put("FailureReason", failureReason);
    }
    ObjectNode rest =
        request.deepCopy().without(List.of("TransformJobName", "Tags", "ExperimentConfig"));
    job.setAll(rest);
    resolved.forEach((key, value) -> job.set(key, Json.MAPPER.valueToTree(value)));
    job.put("CreationTime", times.created().toString());
    job.put("TransformStartTime", times.started().toString());
    job.put("TransformEndTime", times.ended().toString());
    ObjectNode extra = job.putObject("Harness");
    extra.set("Settings", Json.MAPPER.valueToTree(harness));
    extra.set("Files", Json.MAPPER.valueToTree(files));
    ObjectNode numbers = extra.putObject("Summary");
    numbers.put("FilesCompleted", stats.filesCompleted.sum());
    numbers.put("FilesFailed", stats.filesFailed.sum());
    numbers.put("FilesSkipped", stats.filesSkipped.sum());
    numbers.put("FilesStopped", stats.filesStopped.sum());
    numbers.put("Records", stats.records.sum());
    numbers.put("Requests", stats.requests.sum());
    numbers.put("Retries", stats.retries.sum());
    numbers.put("Seconds", stats.elapsedSeconds());
    numbers.put("LatencyP50Millis", stats.latencyMillis(50));
    numbers.put("LatencyP90Millis", stats.latencyMillis(90));
    numbers.put("LatencyP99Millis", stats.latencyMillis(99));
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(job) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
