package io.batchserve.transform.job;

import java.util.List;

/** The job cannot run as defined; every problem is listed, each naming the field and the value. */
public final class JobValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public JobValidationException(List<String> problems) {
    super(
        problems.size() == 1
            ? problems.get(0)
            : problems.size() + " problems:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
