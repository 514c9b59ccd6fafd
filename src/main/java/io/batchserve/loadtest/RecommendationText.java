package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;

/** The recommendation as the terminal prints it. */
final class RecommendationText {
  private RecommendationText() {}

  static String of(Recommendation recommendation) {
    StringBuilder text = new StringBuilder();
    if (recommendation.found()) {
      text.append(
              recommendation.cautions().isEmpty()
                  ? "Recommended"
                  : "Recommended, with the cautions below")
          .append(": BatchStrategy ")
          .append(recommendation.batchStrategy())
          .append(", MaxConcurrentTransforms ")
          .append(recommendation.maxConcurrentTransforms())
          .append(", MaxPayloadInMB ")
          .append(recommendation.maxPayloadInMB())
          .append(" (")
          .append(Format.number(recommendation.recordsPerSecond()))
          .append(" records/s per instance, p99 ")
          .append(Format.millis(recommendation.p99Ms()))
          .append(")\n");
    } else {
      text.append("No recommendation:\n");
    }
    recommendation.reasons().forEach(reason -> text.append("  - ").append(reason).append('\n'));
    if (!recommendation.cautions().isEmpty()) {
      text.append("Caution: these numbers may not hold:\n");
      recommendation
          .cautions()
          .forEach(caution -> text.append("  ! ").append(caution).append('\n'));
    }
    return text.toString().stripTrailing();
  }
}
