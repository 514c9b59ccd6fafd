package io.batchserve.transform.run;

import io.batchserve.transform.report.FileResult;
import io.batchserve.transform.report.JobStats;
import java.util.List;

/**
 * How a job ended ({@link Status}, with the reason when it did not complete), per-file results, and
 * the numbers.
 */
public record JobOutcome(
    Status status, String failureReason, List<FileResult> files, JobStats stats) {
  /** DescribeTransformJob's TransformJobStatus values that a finished local run can have. */
  public enum Status {
    COMPLETED("Completed"),
    FAILED("Failed"),
    STOPPED("Stopped");

    private final String apiName;

    Status(String apiName) {
      this.apiName = apiName;
    }

    /**
     * As the API spells it, in job.json and the summary: {@code Completed}, {@code Failed}, {@code
     * Stopped}.
     */
    public String apiName() {
      return apiName;
    }
  }

  public boolean completed() {
    return status == Status.COMPLETED;
  }
}
