package io.batchserve.transform.run;

import java.io.IOException;

/** Produces a file's requests in input order; null at the end. Not thread-safe. */
interface BatchSource {
  Batch next() throws IOException;
}
