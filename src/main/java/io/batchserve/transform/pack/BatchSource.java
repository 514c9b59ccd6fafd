package io.batchserve.transform.pack;

import java.io.IOException;

/** Produces a file's requests in input order; null at the end. Not thread-safe. */
public interface BatchSource {
  Batch next() throws IOException;
}
