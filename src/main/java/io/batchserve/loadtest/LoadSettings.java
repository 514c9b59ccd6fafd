package io.batchserve.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one load test does, validated once: what to send, at which settings, for how long, and
 * how to judge.
 */
public record LoadSettings(
    Target target, Workload workload, Sweep sweep, Criteria criteria, Generator generator) {

  /**
   * The load generator itself.
   *
   * @param client {@code socket} (the default for http URLs: blocking sockets, see {@link
   *     SocketSender}) or {@code jdk} ({@code java.net.http.HttpClient}, also what https URLs use)
   * @param serverInProcess whether the server runs in this JVM ({@code --model-dir}): its CPU is
   *     then the client threads' alone, not the process's
   * @param busyShare a run whose client used more than this share of the host's CPU is flagged: its
   *     numbers may describe the client more than the server
   */
  public record Generator(String client, boolean serverInProcess, double busyShare) {
    public static final String SOCKET = "socket";
    public static final String JDK = "jdk";

    public Generator {
      if (!client.equals(SOCKET) && !client.equals(JDK)) {
        throw new IllegalArgumentException("client must be socket or jdk: " + client);
      }
      if (!(busyShare > 0 && busyShare <= 1)) {
        throw new IllegalArgumentException(
            "client CPU warning share must be above 0 and at most 100 %: " + busyShare * 100);
      }
    }
  }

  /**
   * What to send.
   *
   * @param contentType null to tell from the file names
   * @param strategy {@code MultiRecord} or {@code SingleRecord}
   * @param payloadMbs MultiRecord body sizes to sweep, each 1..100 MB (ignored for SingleRecord)
   */
  public record Workload(
      List<Path> files,
      String contentType,
      boolean dropFirstColumn,
      String strategy,
      List<Integer> payloadMbs,
      int maxRecords) {
    public Workload {
      if (!strategy.equals(PayloadBodies.MULTI_RECORD)
          && !strategy.equals(PayloadBodies.SINGLE_RECORD)) {
        throw new IllegalArgumentException(
            "batch strategy must be MultiRecord or SingleRecord: " + strategy);
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no input files: give --data FILE...");
      }
      if (strategy.equals(PayloadBodies.MULTI_RECORD) && payloadMbs.isEmpty()) {
        throw new IllegalArgumentException("no payload size to test: give --max-payload-in-mb");
      }
      files = List.copyOf(files);
      payloadMbs = List.copyOf(payloadMbs);
    }
  }

  /**
   * Which runs, and the bounds of each.
   *
   * @param maxConcurrency closed-loop sweep 1, 2, 4, ... up to this (0: no closed loop)
   * @param rates open-loop runs, requests per second (empty: no open loop)
   * @param openMaxInFlight requests in flight at most in an open-loop run
   * @param repeat runs per closed-loop setting; the one with the median records/s is reported, so
   *     that a burst of other work on the machine during one of them does not decide the result
   */
  public record Sweep(
      int maxConcurrency,
      List<Double> rates,
      int openMaxInFlight,
      Duration warmup,
      Duration duration,
      long maxRequests,
      int repeat) {
    public Sweep {
      rates = List.copyOf(rates);
      if (maxConcurrency < 0 || maxConcurrency > 256) {
        throw new IllegalArgumentException("max concurrency must be 0..256: " + maxConcurrency);
      }
      if (maxConcurrency == 0 && rates.isEmpty()) {
        throw new IllegalArgumentException(
            "nothing to run: give a max concurrency above 0 or a --rate");
      }
      if (rates.stream().anyMatch(rate -> !(rate > 0))) {
        throw new IllegalArgumentException("rates must be above 0: " + rates);
      }
      if (repeat < 1 || repeat > 9) {
        throw new IllegalArgumentException("repeat must be 1..9: " + repeat);
      }
      if (openMaxInFlight < 1) {
        throw new IllegalArgumentException("open-loop max in flight < 1: " + openMaxInFlight);
      }
      if (warmup.isNegative()) {
        throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
      }
      new Limits(duration, maxRequests);
    }

    /** 1, 2, 4, ... below the maximum, then the maximum itself. */
    List<Integer> concurrencies() {
      List<Integer> levels = new ArrayList<>();
      for (int c = 1; c < maxConcurrency; c *= 2) {
        levels.add(c);
      }
      if (maxConcurrency > 0) {
        levels.add(maxConcurrency);
      }
      return levels;
    }

    Limits limits() {
      return new Limits(duration, maxRequests);
    }
  }

  /**
   * How the recommendation judges runs.
   *
   * @param p99BoundMs a setting whose p99 latency is above this is not recommended
   * @param knee settings within this fraction of the best records/s count as equally fast; the one
   *     with the lowest p99 among them is recommended
   * @param maxSpread repetitions of a setting whose records/s differ by more than this fraction of
   *     the reported one make the recommendation say that its numbers cannot be trusted
   */
  public record Criteria(double p99BoundMs, double knee, double maxSpread) {
    public Criteria {
      if (!(maxSpread > 0)) {
        throw new IllegalArgumentException("max spread must be above 0 %: " + maxSpread * 100);
      }
      if (!(p99BoundMs > 0)) {
        throw new IllegalArgumentException("p99 bound must be above 0 ms: " + p99BoundMs);
      }
      if (!(knee >= 0 && knee < 1)) {
        throw new IllegalArgumentException("knee must be 0..1 (a fraction): " + knee);
      }
    }
  }
}
