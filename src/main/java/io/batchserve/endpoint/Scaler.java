package io.batchserve.endpoint;

import io.batchserve.time.Ticker;

/**
 * The scaling decisions of an asynchronous endpoint, as Application Auto Scaling would take them
 * for a {@link ScalingPolicy}, evaluated whenever the backlog is sampled:
 *
 * <ul>
 *   <li>target tracking: the desired count is {@code ceil(backlog / TargetValue)} (the backlog per
 *       instance brought to the target), within [MinCapacity, MaxCapacity];
 *   <li>out: to the desired count once {@code ScaleOutCooldown} has passed since the last
 *       scale-out;
 *   <li>in (and to zero, when MinCapacity is 0 and the backlog is empty): to the desired count once
 *       {@code ScaleInCooldown} has passed since the last scaling of either kind;
 *   <li>from zero: at zero instances the backlog per instance is not emitted, so target tracking
 *       cannot scale out; the step policy on {@code HasBacklogWithoutCapacity} adds its adjustment
 *       (once its cooldown has passed since its own last scale-out: a scale-in never holds back a
 *       scale-out), and without one the endpoint stays at zero, as on AWS.
 * </ul>
 *
 * The service evaluates CloudWatch alarms over several one-minute periods before acting; the local
 * endpoint samples every few seconds and acts on one sample, so it reacts faster than AWS. Not
 * thread-safe: one thread samples.
 */
final class Scaler {
  private final ScalingPolicy policy;
  private final Ticker ticker;
  private long lastOut;
  private long lastAny;
  private boolean scaledOut;
  private boolean scaledAny;
  private long lastFromZero;
  private boolean scaledFromZero;

  public Scaler(ScalingPolicy policy, Ticker ticker) {
    this.policy = policy;
    this.ticker = ticker;
  }

  /** What to do with {@code capacity} instances and {@code backlog} requests queued or running. */
  public record Decision(int capacity, String reason) {
    boolean changes(int current) {
      return capacity != current;
    }
  }

  public Decision decide(long backlog, int capacity) {
    long now = ticker.read();
    if (capacity == 0) {
      return fromZero(backlog, now);
    }
    int desired =
        clamp((int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(backlog / policy.target())));
    if (desired > capacity) {
      if (!scaledOut || now - lastOut >= policy.scaleOutCooldown().toNanos()) {
        return act(
            now, desired, true, "out: backlog " + backlog + " over " + capacity + " instance(s)");
      }
      return new Decision(capacity, "out wanted (" + desired + "), in scale-out cooldown");
    }
    if (desired < capacity) {
      if (!scaledAny || now - lastAny >= policy.scaleInCooldown().toNanos()) {
        String what = desired == 0 ? "to zero: backlog empty" : "in: backlog " + backlog;
        return act(now, desired, false, what);
      }
      return new Decision(capacity, "in wanted (" + desired + "), in scale-in cooldown");
    }
    return new Decision(capacity, "steady");
  }

  private Decision fromZero(long backlog, long now) {
    if (backlog == 0) {
      return new Decision(0, "steady at zero");
    }
    if (policy.fromZero() == 0) {
      return new Decision(
          0,
          "HasBacklogWithoutCapacity, but no step scaling policy to scale out from zero (target"
              + " tracking alone cannot)");
    }
    if (scaledFromZero && now - lastFromZero < policy.fromZeroCooldown().toNanos()) {
      return new Decision(0, "from zero wanted, in the step policy's cooldown");
    }
    // The step policy's own activity: its cooldown runs from its own last scale-out (a scale-in
    // never holds back a scale-out), and target tracking's scale-out cooldown does not start.
    lastFromZero = now;
    scaledFromZero = true;
    return act(now, clamp(policy.fromZero()), false, "from zero (cold start): backlog " + backlog);
  }

  private Decision act(long now, int capacity, boolean trackingOut, String reason) {
    if (trackingOut) {
      lastOut = now;
      scaledOut = true;
    }
    lastAny = now;
    scaledAny = true;
    return new Decision(capacity, reason);
  }

  private int clamp(int desired) {
    return Math.max(policy.min(), Math.min(policy.max(), desired));
  }
}
