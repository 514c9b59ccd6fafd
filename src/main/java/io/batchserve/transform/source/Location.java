package io.batchserve.transform.source;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A parsed S3Uri or S3OutputPath: {@code s3://bucket/prefix}, or a local path ({@code file://} or
 * plain). For a local path the "bucket" is empty and the prefix is the absolute path with forward
 * slashes, so that prefix matching works the same way on both.
 */
public record Location(String bucket, String prefix) {

  public static Location parse(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://")) {
      String rest = uri.substring(5);
      int slash = rest.indexOf('/');
      return slash < 0
          ? new Location(rest, "")
          : new Location(rest.substring(0, slash), rest.substring(slash + 1));
    }
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      throw new IllegalArgumentException(
          "'"
              + uri
              + "': use s3://bucket/prefix (with --endpoint-url for an "
              + "S3-compatible store), a file:// URI or a local path");
    }
    String path = lower.startsWith("file://") ? uri.substring(7) : uri;
    String absolute = Path.of(path).toAbsolutePath().normalize().toString().replace('\\', '/');
    boolean folder = path.endsWith("/") && !absolute.endsWith("/");
    return new Location("", folder ? absolute + "/" : absolute);
  }

  public boolean isS3() {
    return !bucket.isEmpty();
  }

  /** {@code bucket/key} for S3 (the service's log prefix), the path for local files. */
  public String display(String key) {
    return isS3() ? bucket + "/" + key : key;
  }

  /** The key of {@code relative} under this prefix, with exactly one slash between them. */
  public String child(String relative) {
    if (prefix.isEmpty()) {
      return relative;
    }
    return prefix.endsWith("/") ? prefix + relative : prefix + "/" + relative;
  }

  @Override
  public String toString() {
    return isS3() ? "s3://" + bucket + "/" + prefix : prefix;
  }
}
