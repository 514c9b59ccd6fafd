package io.batchserve.http;

import io.batchserve.model.Model;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the server can take requests: LOADING until every model is loaded and warmed up, then
 * READY; FAILED when loading failed; DRAINING after SIGTERM. Read on every request, written by the
 * loader and the shutdown hook.
 */
public final class ServerState {
  /** The phases, in order. */
  public enum Phase {
    LOADING,
    READY,
    FAILED,
    DRAINING
  }

  private record Snapshot(Phase phase, ModelRouter router, String reason) {}

  private final AtomicReference<Snapshot> current =
      new AtomicReference<>(new Snapshot(Phase.LOADING, null, "models are loading"));

  public Phase phase() {
    return current.get().phase();
  }

  /**
   * Why the server is in its phase ("models are loading", "loading the models failed: ...", ...).
   */
  public String reason() {
    return current.get().reason();
  }

  public void ready(List<Model<?, ?>> models) {
    current.set(new Snapshot(Phase.READY, new ModelRouter(models), "ready"));
  }

  public void failed(String reason) {
    current.set(new Snapshot(Phase.FAILED, null, reason));
  }

  public void draining() {
    Snapshot s = current.get();
    current.set(new Snapshot(Phase.DRAINING, s.router(), "the server is shutting down"));
  }

  /**
   * Which engine serves each model, e.g. {@code churn java, forecast xgboost4j}; empty until ready.
   */
  public String engines() {
    ModelRouter router = current.get().router();
    if (router == null) {
      return "";
    }
    StringJoiner out = new StringJoiner(", ");
    for (Model<?, ?> model : router.models()) {
      out.add(model.info().name() + " " + model.engine());
    }
    return out.toString();
  }

  /** The router, or NotReadyException saying why there is none. */
  ModelRouter router() {
    Snapshot s = current.get();
    if (s.phase() != Phase.READY) {
      throw new NotReadyException("not ready: " + s.reason());
    }
    return s.router();
  }
}
