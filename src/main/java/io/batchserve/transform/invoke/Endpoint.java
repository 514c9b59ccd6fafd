package io.batchserve.transform.invoke;

import java.net.URI;

/**
 * A server the invoker talks to: a child process the harness can restart, or a given URL.
 * Thread-safe.
 */
public interface Endpoint {
  /** The current base URL (a restarted child listens on a new port). */
  URI base();

  /**
   * Counts restarts; a request remembers it to tell whether its server was replaced since it was
   * sent.
   */
  long generation();

  /**
   * Called after a connection failure of a request sent at {@code seenGeneration}. When the server
   * has died it is restarted (blocking until ready); returns true when the request should be sent
   * again without counting a retry (a restart happened since it was sent), false otherwise.
   */
  boolean recover(long seenGeneration) throws InterruptedException;

  /**
   * A request is being sent to this server (paired with {@link #requestEnded}), so a restart can
   * say how many requests it resends.
   */
  default void requestStarted() {}

  default void requestEnded() {}
}
