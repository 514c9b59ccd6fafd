package io.batchserve.transform.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** Objects under one bucket (or the local file system). Implementations are thread-safe. */
public interface Store {
  /**
   * Every object whose key starts with {@code prefix} (a literal string prefix), sorted by key;
   * folder markers skipped.
   */
  List<Listed> list(String bucket, String prefix) throws IOException;

  InputStream open(String bucket, String key) throws IOException;

  /** The object's size in bytes, or -1 when there is no such object. */
  long size(String bucket, String key) throws IOException;

  /**
   * Makes {@code file} (complete) visible as {@code key} in one step: an atomic move, or one PUT.
   */
  void publish(Path file, String bucket, String key) throws IOException;

  /**
   * A key and its size in bytes; {@code problem} says why it must not be read (null when it may).
   */
  record Listed(String key, long size, String problem) {
    public Listed(String key, long size) {
      this(key, size, null);
    }
  }
}
