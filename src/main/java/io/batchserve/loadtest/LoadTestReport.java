package io.batchserve.loadtest;

import java.util.List;
import java.util.Map;

/**
 * Everything a load test measured and concluded, as written to the JSON report and drawn in the
 * HTML one.
 *
 * @param command the command line that made it, to run it again
 * @param settings what was sent and how, as a person reads it
 * @param server what the server advertised at {@code /execution-parameters}
 * @param skipped settings not run, and why (e.g. over SageMaker's 100 MB limit)
 */
public record LoadTestReport(
    String title,
    String command,
    String startedAt,
    Map<String, String> machine,
    Map<String, String> settings,
    String server,
    List<RunResult> runs,
    List<String> skipped,
    Recommendation recommendation) {
  public LoadTestReport {
    runs = List.copyOf(runs);
    skipped = List.copyOf(skipped);
  }

  /**
   * False when closed-loop runs were made and none qualified for a recommendation (open-loop runs
   * make none).
   */
  public boolean recommendsOrOpenOnly() {
    return recommendation.found() || runs.stream().noneMatch(RunResult::closed);
  }
}
