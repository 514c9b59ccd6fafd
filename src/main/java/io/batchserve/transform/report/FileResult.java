package io.batchserve.transform.report;

/**
 * How one input object went: its output (null when failed or skipped), records and requests,
 * failure reason.
 */
public record FileResult(
    String input, String output, Status status, String failure, long records, long requests) {
  /** Per-file outcome. */
  public enum Status {
    COMPLETED,
    FAILED,
    SKIPPED,
    STOPPED
  }
}
