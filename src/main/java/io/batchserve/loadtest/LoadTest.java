package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import io.batchserve.time.Ticker;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a whole load test against a ready server: read the records, pack the bodies, sweep,
 * recommend.
 */
public final class LoadTest {
  private static final Duration READY_PATIENCE = Duration.ofSeconds(60);
  private static final int MAX_RECORDS = 1_000_000;

  private LoadTest() {}

  /**
   * Blocks for the whole sweep (its bound is printed before it starts) and prints progress to
   * {@code out}.
   *
   * @param command the command line, recorded in the report so that it can be run again
   */
  public static LoadTestReport run(
      LoadSettings settings, String title, String command, PrintWriter out)
      throws InterruptedException {
    var workload = settings.workload();
    RecordSet records =
        RecordFiles.read(
            workload.files(),
            workload.contentType(),
            workload.dropFirstColumn(),
            Math.min(workload.maxRecords(), MAX_RECORDS));
    List<PayloadBodies> payloads = payloads(records, workload);
    ServerProbe probe = new ServerProbe(settings.target());
    probe.awaitReady(READY_PATIENCE);
    String server = probe.executionParameters();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, String> described = describe(settings, records, payloads);
    out.println(
        "load test of " + settings.target().url() + " (/execution-parameters: " + server + ")");
    described.forEach((key, value) -> out.println("  " + key + ": " + value));
    out.println(
        "  at most "
            + Format.number(Sweeper.plannedSeconds(settings.sweep(), payloads))
            + " s of sending, plus the wait for the last answers of each run");
    if (settings.generator().serverInProcess()) {
      out.println(
          "  the server runs in this JVM (--model-dir): client and server share its CPU; for"
              + " numbers that describe the server alone, start it elsewhere and use --url");
    }
    try (Sender sender = sender(settings, records.contentType())) {
      return run(
          settings, title, command, out, records, payloads, server, startedAt, described, sender);
    }
  }

  /** The generator's client: blocking sockets for http unless --client jdk, else HttpClient. */
  static Sender sender(LoadSettings settings, String contentType) {
    boolean socket =
        settings.generator().client().equals(LoadSettings.Generator.SOCKET)
            && "http".equals(settings.target().url().getScheme());
    return socket
        ? new SocketSender(settings.target(), contentType)
        : new HttpSender(settings.target(), contentType);
  }

  private static LoadTestReport run(
      LoadSettings settings,
      String title,
      String command,
      PrintWriter out,
      RecordSet records,
      List<PayloadBodies> payloads,
      String server,
      String startedAt,
      Map<String, String> described,
      Sender sender)
      throws InterruptedException {
    Preflight.check(sender, payloads.get(0), records.contentType());
    Map<String, String> machine = machine();
    double loadAtStart = loadAverage();
    var generator = settings.generator();
    CpuMeter cpu = generator.serverInProcess() ? CpuMeter.clientThreads() : CpuMeter.process();
    int processors = Runtime.getRuntime().availableProcessors();
    Sweeper.Outcome outcome =
        new Sweeper(
                sender,
                settings.sweep(),
                Ticker.system(),
                out,
                cpu,
                processors,
                generator.busyShare())
            .run(payloads);
    double loadAtEnd = loadAverage();
    if (loadAtEnd >= 0) {
      machine.put("load average at end", String.format(Locale.ROOT, "%.2f", loadAtEnd));
    }
    Recommendation recommendation = Recommender.recommend(outcome.runs(), settings.criteria());
    List<String> cautions =
        new ArrayList<>(
            Trust.cautions(
                outcome.runs(),
                recommendation,
                settings.criteria().maxSpread(),
                settings.sweep().repeat(),
                processors,
                loadAtStart,
                loadAtEnd));
    ClientLoad.caution(outcome.runs(), generator.busyShare()).ifPresent(cautions::add);
    recommendation = recommendation.withCautions(cautions);
    out.println();
    out.println(RecommendationText.of(recommendation));
    return new LoadTestReport(
        title,
        command,
        startedAt,
        machine,
        described,
        server,
        outcome.runs(),
        outcome.skipped(),
        recommendation);
  }

  static List<PayloadBodies> payloads(RecordSet records, LoadSettings.Workload workload) {
    if (workload.strategy().equals(PayloadBodies.SINGLE_RECORD)) {
      return List.of(BodyPacker.singleRecord(records));
    }
    List<PayloadBodies> payloads = new ArrayList<>();
    for (int mb : workload.payloadMbs()) {
      payloads.add(BodyPacker.multiRecord(records, mb));
    }
    return payloads;
  }

  private static Map<String, String> describe(
      LoadSettings settings, RecordSet records, List<PayloadBodies> payloads) {
    var sweep = settings.sweep();
    Map<String, String> described = new LinkedHashMap<>();
    described.put(
        "records",
        Format.number(records.records().size())
            + " "
            + records.contentType()
            + " records from "
            + settings.workload().files().stream()
                .map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", "))
            + (settings.workload().dropFirstColumn() ? " (first column dropped)" : ""));
    described.put(
        "bodies",
        payloads.stream()
            .map(
                p ->
                    p.label()
                        + ": "
                        + Format.number(p.meanRecords())
                        + " records, "
                        + Format.number(p.meanBytes())
                        + " bytes")
            .collect(Collectors.joining("; ")));
    described.put(
        "closed loop",
        sweep.maxConcurrency() == 0 ? "none" : "concurrency " + sweep.concurrencies());
    described.put(
        "open loop",
        sweep.rates().isEmpty()
            ? "none"
            : "rates "
                + sweep.rates().stream().map(Format::number).toList()
                + " requests/s, at most "
                + sweep.openMaxInFlight()
                + " in flight");
    described.put(
        "each run",
        "at most "
            + sweep.duration().toMillis() / 1000.0
            + " s and "
            + Format.number(sweep.maxRequests())
            + " requests, after a warm-up of "
            + sweep.warmup().toMillis() / 1000.0
            + " s per payload"
            + (sweep.repeat() == 1
                ? ""
                : "; each closed-loop setting run "
                    + sweep.repeat()
                    + " times, the median records/s reported (spread: max - min over it)"));
    described.put(
        "recommendation",
        "p99 at most "
            + Format.millis(settings.criteria().p99BoundMs())
            + ", knee "
            + Format.number(settings.criteria().knee() * 100)
            + " %");
    return described;
  }

  /** The one-minute load average, or negative where the system does not say. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static Map<String, String> machine() {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    double load = loadAverage();
    if (load >= 0) {
      // Other work on the machine takes cores from the server and the load generator: say how busy
      // it was.
      machine.put("load average at start", String.format(Locale.ROOT, "%.2f", load));
    }
    return machine;
  }
}
