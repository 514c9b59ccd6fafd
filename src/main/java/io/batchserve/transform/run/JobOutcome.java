package io.batchserve.transform.run;

import io.batchserve.transform.report.FileResult;
import io.batchserve.transform.report.JobStats;
import java.util.List;

/** How a job ended: Completed, Failed or Stopped (with the reason), per-file results, and the numbers. */
public record JobOutcome(String status, String failureReason, List<FileResult> files, JobStats stats) {
  public static final String COMPLETED = "Completed";
  public static final String FAILED = "Failed";
  public static final String STOPPED = "Stopped";

  public boolean completed() {
    return COMPLETED.equals(status);
  }
}
