package io.batchserve.transform.source;

/**
 * One input object: where it is, its key relative to the input prefix (the output is {@code
 * relativeKey + ".out"}), its size in stored (possibly compressed) bytes, and why it must not be
 * read (null when it may): a manifest entry or a symbolic link that leads outside the job's input
 * location.
 */
public record InputObject(
    Store store, Location location, String key, String relativeKey, long size, String problem) {
  /** {@code bucket/key}, as the service's log lines name a file. */
  public String display() {
    return location.display(key);
  }
}
