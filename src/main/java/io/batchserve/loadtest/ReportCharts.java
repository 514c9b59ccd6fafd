package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Chart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The pictures of a load test, each titled with what was measured and subtitled with on what and
 * when: records/s and p99 against requests in flight (error bars: the lowest and highest of the
 * repetitions; the recommended setting ringed), the latency distribution by percentile of the
 * settings that matter, records/s and p99 second by second through the longest run, and the open
 * loop against the offered rate.
 */
final class ReportCharts {
  private static final String IN_FLIGHT = "requests in flight (MaxConcurrentTransforms)";

  private ReportCharts() {}

  static List<Chart> of(LoadTestReport report) {
    List<RunResult> closed = report.runs().stream().filter(RunResult::closed).toList();
    List<RunResult> open = report.runs().stream().filter(run -> !run.closed()).toList();
    String on = subtitle(report);
    List<Chart> charts = new ArrayList<>();
    if (!closed.isEmpty()) {
      Recommendation r = report.recommendation();
      List<Chart.Mark> rate = marks(closed, r, run -> run.throughput().recordsPerSecond());
      List<Chart.Mark> p99 = marks(closed, r, run -> run.latency().p99());
      charts.add(
          new Chart(
                  "Records per second by requests in flight",
                  IN_FLIGHT,
                  "records per second",
                  true,
                  series(
                      closed,
                      RunResult::concurrency,
                      run -> run.throughput().recordsPerSecond(),
                      true))
              .withSubtitle(on)
              .withMarks(rate));
      charts.add(
          latency(
                  "p99 latency by requests in flight",
                  IN_FLIGHT,
                  true,
                  series(closed, RunResult::concurrency, run -> run.latency().p99(), false),
                  p99)
              .withSubtitle(on));
      charts.add(distribution(closed, r).withSubtitle(on));
      RunResult longest =
          closed.stream().max(Comparator.comparingDouble(RunResult::seconds)).orElseThrow();
      charts.addAll(timeline(longest, on));
    }
    if (!open.isEmpty()) {
      String offered = "offered rate (requests per second)";
      charts.add(
          new Chart(
                  "Open loop: records per second by offered rate",
                  offered,
                  "records per second",
                  false,
                  series(open, RunResult::rate, run -> run.throughput().recordsPerSecond(), false))
              .withSubtitle(on));
      charts.add(
          latency(
                  "Open loop: p99 latency from the due time",
                  offered,
                  false,
                  series(open, RunResult::rate, run -> run.latency().p99(), false),
                  List.of())
              .withSubtitle(on));
    }
    return charts;
  }

  /**
   * What was measured on, and when: {@code churn (CSV), 2 workers; 2026-12-01T03:50:00Z; 2
   * processors, ...}.
   */
  static String subtitle(LoadTestReport report) {
    String what = report.title().replaceFirst("^Load test: ", "");
    String processors = report.machine().getOrDefault("processors", "?");
    String load =
        report.machine().containsKey("load average at start")
            ? ", load " + report.machine().get("load average at start")
            : "";
    String repeats =
        report.runs().stream().mapToInt(run -> run.repeats().size()).max().orElse(1) > 1
            ? "; median of the repetitions, bars: lowest to highest"
            : "";
    return what + "; " + report.startedAt() + "; " + processors + " processors" + load + repeats;
  }

  /** The recommended setting's point, ringed and labelled. */
  private static List<Chart.Mark> marks(
      List<RunResult> closed, Recommendation r, ToDoubleFunction<RunResult> y) {
    if (!r.found()) {
      return List.of();
    }
    return closed.stream()
        .filter(run -> isRecommended(run, r))
        .findFirst()
        .map(
            run ->
                List.of(
                    new Chart.Mark(
                        run.concurrency(), y.applyAsDouble(run), "recommended: " + run.label())))
        .orElse(List.of());
  }

  private static boolean isRecommended(RunResult run, Recommendation r) {
    return r.found()
        && run.concurrency() == r.maxConcurrentTransforms()
        && run.payloadMb() == r.maxPayloadInMB()
        && run.strategy().equals(r.batchStrategy());
  }

  /**
   * Latency by percentile, HdrHistogram style, for the settings a reader weighs: the recommended
   * one, the fastest, and the most requests in flight of the recommended payload (what more
   * concurrency costs in the tail).
   */
  private static Chart distribution(List<RunResult> closed, Recommendation r) {
    List<RunResult> chosen = new ArrayList<>();
    closed.stream().filter(run -> isRecommended(run, r)).findFirst().ifPresent(chosen::add);
    RunResult fastest =
        closed.stream()
            .max(Comparator.comparingDouble(run -> run.throughput().recordsPerSecond()))
            .orElseThrow();
    String payload = chosen.isEmpty() ? fastest.label() : chosen.get(0).label();
    closed.stream()
        .filter(run -> run.label().startsWith(payload.substring(0, payload.indexOf(" x ") + 1)))
        .max(Comparator.comparingInt(RunResult::concurrency))
        .ifPresent(run -> addOnce(chosen, run));
    addOnce(chosen, fastest);
    List<Chart.Series> lines = new ArrayList<>();
    for (RunResult run : chosen) {
      List<Chart.Point> points = new ArrayList<>();
      run.distribution().stream()
          .filter(p -> p.percentile() < 100)
          .forEach(p -> points.add(new Chart.Point(p.percentile(), p.ms())));
      String name =
          run.label()
              + (isRecommended(run, r) ? " (recommended)" : run == fastest ? " (fastest)" : "");
      lines.add(new Chart.Series(name, points));
    }
    Chart ms =
        new Chart(
            "Latency by percentile",
            "",
            Chart.Scale.PERCENTILE,
            "percentile (log scale towards 100 %)",
            "latency (ms)",
            false,
            lines,
            List.of());
    return inSecondsIfLong(ms);
  }

  /** Records/s and p99, second by second, through the longest closed-loop run. */
  private static List<Chart> timeline(RunResult run, String on) {
    List<Chart.Point> rate = new ArrayList<>();
    List<Chart.Point> p99 = new ArrayList<>();
    for (RunResult.Second s : run.timeline()) {
      rate.add(new Chart.Point(s.second() + 1, s.recordsPerSecond()));
      p99.add(new Chart.Point(s.second() + 1, s.p99Ms()));
    }
    String x = "seconds into the run";
    Chart throughput =
        new Chart(
                "Records per second over time: " + run.label() + " (longest run)",
                x,
                "records per second",
                false,
                List.of(new Chart.Series(run.label(), rate)))
            .withSubtitle(on);
    Chart latency =
        latency(
                "p99 latency over time: " + run.label() + " (per second)",
                x,
                false,
                List.of(new Chart.Series(run.label(), p99)),
                List.of())
            .withSubtitle(on);
    return List.of(throughput, latency);
  }

  private static void addOnce(List<RunResult> runs, RunResult run) {
    if (!runs.contains(run)) {
      runs.add(run);
    }
  }

  /** A latency chart in ms, or in seconds when its values go past 5 s. */
  private static Chart latency(
      String title, String xLabel, boolean logX, List<Chart.Series> ms, List<Chart.Mark> marks) {
    return inSecondsIfLong(new Chart(title, xLabel, "p99 latency (ms)", logX, ms).withMarks(marks));
  }

  private static Chart inSecondsIfLong(Chart ms) {
    double max =
        ms.series().stream()
            .flatMap(s -> s.points().stream())
            .mapToDouble(Chart.Point::y)
            .max()
            .orElse(0);
    if (max <= 5000) {
      return ms;
    }
    List<Chart.Series> seconds =
        ms.series().stream()
            .map(
                s ->
                    new Chart.Series(
                        s.name(),
                        s.points().stream()
                            .map(p -> new Chart.Point(p.x(), p.y() / 1000))
                            .toList()))
            .toList();
    List<Chart.Mark> marks =
        ms.marks().stream().map(m -> new Chart.Mark(m.x(), m.y() / 1000, m.label())).toList();
    return new Chart(
        ms.title(),
        ms.subtitle(),
        ms.xScale(),
        ms.xLabel(),
        ms.yLabel().replace("(ms)", "(s)"),
        ms.logY(),
        seconds,
        marks);
  }

  /**
   * One line per payload, in x order; with {@code bars}, each point's repetitions as its error bar.
   */
  private static List<Chart.Series> series(
      List<RunResult> runs,
      ToDoubleFunction<RunResult> x,
      ToDoubleFunction<RunResult> y,
      boolean bars) {
    Map<String, List<Chart.Point>> byPayload = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String name =
          run.strategy().equals(PayloadBodies.SINGLE_RECORD)
              ? PayloadBodies.SINGLE_RECORD
              : run.payloadMb() + " MB";
      double low = Double.NaN;
      double high = Double.NaN;
      if (bars && run.repeats().size() > 1) {
        low = run.repeats().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        high = run.repeats().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      }
      byPayload
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(new Chart.Point(x.applyAsDouble(run), y.applyAsDouble(run), low, high));
    }
    return byPayload.entrySet().stream()
        .map(e -> new Chart.Series(e.getKey(), e.getValue()))
        .toList();
  }
}
