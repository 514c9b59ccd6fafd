package io.batchserve.endpoint;

import io.batchserve.time.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An asynchronous endpoint's watch: samples the backlog every {@code sample}, lets the {@link
 * Scaler} (when a scaling policy is given) decide the instance count and has the {@link Fleet}
 * follow it, and prints the metrics line every {@code every} when it differs from the last one
 * printed. {@link #step} is one sample (tests call it with a fake ticker); {@link #run} loops on
 * its own thread until interrupted.
 */
final class Watch implements Runnable {
  private final Supplier<Metrics> metrics;
  private final Fleet fleet;
  private final Scaler scaler;
  private final Ticker ticker;
  private final Duration sample;
  private final Duration every;
  private final Consumer<String> console;
  private long nextLine;
  private String lastLine;

  /**
   * @param scaler the scaling decisions, or null for a fixed count
   */
  Watch(
      Supplier<Metrics> metrics,
      Fleet fleet,
      Scaler scaler,
      Ticker ticker,
      Duration sample,
      Duration every,
      Consumer<String> console) {
    this.metrics = metrics;
    this.fleet = fleet;
    this.scaler = scaler;
    this.ticker = ticker;
    this.sample = sample;
    this.every = every;
    this.console = console;
    this.nextLine = ticker.read();
  }

  @Override
  public void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        step();
        ticker.sleep(sample);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One sample: scale when the policy says so, print the metrics line when due. */
  void step() throws InterruptedException {
    Metrics now = metrics.get();
    if (scaler != null) {
      Scaler.Decision decision = scaler.decide(now.backlog(), now.instances());
      int target = Math.min(decision.capacity(), fleet.limit());
      if (target != now.instances()) {
        console.accept(
            "scaling " + now.instances() + " -> " + target + " instance(s): " + decision.reason());
        try {
          fleet.scaleTo(target, true);
        } catch (IOException e) {
          console.accept("scaling to " + target + " failed: " + e.getMessage());
        }
        now = metrics.get();
      }
    }
    if (ticker.read() - nextLine >= 0) {
      String line = now.line();
      if (!line.equals(lastLine)) {
        console.accept("metrics: " + line);
        lastLine = line;
      }
      nextLine = ticker.read() + every.toNanos();
    }
  }
}
