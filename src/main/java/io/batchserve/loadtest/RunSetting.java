package io.batchserve.loadtest;

/**
 * What one run does: the bodies it sends, and either a concurrency (closed loop) or a rate (open
 * loop).
 */
record RunSetting(String mode, PayloadBodies payload, int concurrency, double rate) {
  static RunSetting closed(PayloadBodies payload, int concurrency) {
    return new RunSetting("closed", payload, concurrency, 0);
  }

  static RunSetting open(PayloadBodies payload, double rate, int maxInFlight) {
    return new RunSetting("open", payload, maxInFlight, rate);
  }
}
