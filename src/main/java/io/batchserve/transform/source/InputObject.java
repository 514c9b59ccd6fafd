package io.batchserve.transform.source;

/**
 * One input object: where it is, its key relative to the input prefix (the output is {@code relativeKey + ".out"}),
 * and its size in stored (possibly compressed) bytes.
 */
public record InputObject(Store store, Location location, String key, String relativeKey, long size) {
  /** {@code bucket/key}, as the service's log lines name a file. */
  public String display() {
    return location.display(key);
  }
}
