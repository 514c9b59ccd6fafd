package io.batchserve.transform.source;

import io.batchserve.codec.Snippet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output location: {@code <relative key>.out} for each input, written to a temporary file and
 * published in one step only when the whole input succeeded. A failed input leaves nothing behind.
 * Thread-safe.
 */
public final class Outputs {
  private static final String PARTIAL_PREFIX = ".batchserve-";
  private static final Pattern PARTIAL =
      Pattern.compile("\\.batchserve-(\\d+)(?:-\\d+)?\\.partial");
  private final Location location;
  private final Store store;
  private final Path temp;

  public Outputs(String uri, Stores stores, Path temp) {
    this.location = Location.parse(uri);
    this.store = stores.of(location);
    this.temp = temp;
  }

  /**
   * Deletes the partial outputs that a harness process which is no longer running (killed with kill
   * -9, say) left in a local output location, and returns how many. Partials of a live process
   * (another run writing into the same folder) are kept: each partial's name carries the process id
   * that writes it.
   */
  public int removeStalePartials() throws IOException {
    Path root = Path.of(location.prefix());
    if (location.isS3() || !Files.isDirectory(root)) {
      return 0;
    }
    List<Path> stale;
    try (Stream<Path> files = Files.walk(root)) {
      stale = files.filter(Outputs::isStalePartial).toList();
    }
    for (Path file : stale) {
      Files.deleteIfExists(file);
    }
    return stale.size();
  }

  private static boolean isStalePartial(Path file) {
    Matcher name = PARTIAL.matcher(file.getFileName().toString());
    if (!name.matches() || !Files.isRegularFile(file)) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(name.group(1))).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  public Location location() {
    return location;
  }

  public String outputKey(String relativeKey) {
    return location.child(relativeKey + ".out");
  }

  /**
   * Why no output can be written for this relative key, or null: on a local output location, a key
   * that is absolute or has a {@code ..} segment would land outside it (S3 keys are written
   * verbatim).
   */
  public String problem(String relativeKey) {
    String problem = location.isS3() ? null : Containment.localProblem(relativeKey);
    return problem == null
        ? null
        : "its key '"
            + Snippet.text(relativeKey)
            + "' "
            + problem
            + ": the output would "
            + "be written outside the output location "
            + location
            + "; not written";
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
    Path file =
        Files.createTempFile(
            directory, PARTIAL_PREFIX + ProcessHandle.current().pid() + "-", ".partial");
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

  /**
   * An output being written; {@link #commit} publishes it, {@link #abort} deletes it. Not
   * thread-safe.
   */
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
