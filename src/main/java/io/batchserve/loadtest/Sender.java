package io.batchserve.loadtest;

/** Sends one request and waits for the whole answer. Called from many threads at once. */
@FunctionalInterface
interface Sender {
  /** Never throws for an HTTP status or an I/O failure: both are a {@link Reply}. */
  Reply send(PackedBody body) throws InterruptedException;
}
