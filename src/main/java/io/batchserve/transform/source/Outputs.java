package io.batchserve.transform.source;

import io.batchserve.codec.Snippet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The output location: {@code <relative key>.out} for each input, written to a temporary file and published in
 * one step only when the whole input succeeded. A failed input leaves nothing behind. Thread-safe.
 */
public final class Outputs {
  private final Location location;
  private final Store store;
  private final Path temp;

  public Outputs(String uri, Stores stores, Path temp) {
    this.location = Location.parse(uri);
    this.store = stores.of(location);
    this.temp = temp;
  }

  public Location location() {
    return location;
  }

  public String outputKey(String relativeKey) {
    return location.child(relativeKey + ".out");
  }

  /**
   * Why no output can be written for this relative key, or null: on a local output location, a key that is
   * absolute or has a {@code ..} segment would land outside it (S3 keys are written verbatim).
   */
  public String problem(String relativeKey) {
    String problem = location.isS3() ? null : Containment.localProblem(relativeKey);
    return problem == null ? null : "its key '" + Snippet.text(relativeKey) + "' " + problem + ": the output would "
        + "be written outside the output location " + location + "; not written";
  }

  public boolean exists(String relativeKey) throws IOException {
    return store.size(location.bucket(), outputKey(relativeKey)) >= 0;
  }

  /** A new pending output for an input's relative key. */
  public Pending begin(String relativeKey) throws IOException {
    String problem = problem(relativeKey);
    if (problem != null) {
      throw new IOException(problem);
    }
    Path directory = location.isS3() ? temp : Path.of(outputKey(relativeKey)).getParent();
    Files.createDirectories(directory);
    Path file = Files.createTempFile(directory, ".batchserve-", ".partial");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
    return new Pending(file, outputKey(relativeKey));
  }

  /** Writes a small text file (job.json) under the output location, in one step. */
  public void writeText(String name, String text) throws IOException {
    Pending pending = begin(name);
    Files.writeString(pending.file, text, StandardCharsets.UTF_8);
    store.publish(pending.file, location.bucket(), location.child(name));
  }

  /** An output being written; {@link #commit} publishes it, {@link #abort} deletes it. Not thread-safe. */
  public final class Pending {
    private final Path file;
    private final String key;

    private Pending(Path file, String key) {
      this.file = file;
      this.key = key;
    }

    public OutputStream stream() throws IOException {
      return Files.newOutputStream(file);
    }

    public String display() {
      return location.display(key);
    }

    public void commit() throws IOException {
      store.publish(file, location.bucket(), key);
      Files.deleteIfExists(file);
    }

    public void abort() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }
}
