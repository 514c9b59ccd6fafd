package io.batchserve.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test's folder: inputs under {@code in/}, outputs under {@code out/}. */
record Workspace(Path dir) {
  /** Writes an input file (folders created) and returns its path. */
  Path in(String name, String text) throws IOException {
    Path file = dir.resolve("in").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** The text of an output file. */
  String out(String name) throws IOException {
    return Files.readString(dir.resolve("out").resolve(name));
  }
}
