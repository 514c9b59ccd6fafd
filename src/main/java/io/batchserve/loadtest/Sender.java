package io.batchserve.loadtest;

/** Sends one request and waits for the whole answer. Called from many threads at once. */
@FunctionalInterface
interface Sender extends AutoCloseable {
  /** Never throws for an HTTP status or an I/O failure: both are a {@link Reply}. */
  Reply send(PackedBody body) throws InterruptedException;

  /**
   * Ends the requests in flight, for a run that is being cut off: their {@link #send} calls return
   * or throw InterruptedException when their threads were interrupted.
   */
  default void abortInFlight() {}

  /** Closes what the sender keeps open between requests. */
  @Override
  default void close() {}
}
