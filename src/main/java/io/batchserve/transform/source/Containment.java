package io.batchserve.transform.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a key stays inside the location a job names. A relative key (an input's key under its
 * prefix, a manifest entry) is refused when it is absolute or has a {@code ..} segment and would be
 * resolved against the local file system; S3 never resolves {@code ..}, so on S3 such keys are read
 * and written verbatim. A local file reached through a symbolic link is read only when the link's
 * target stays inside the input folder.
 */
final class Containment {
  private Containment() {}

  /** Why {@code relative} cannot be used under a local location, or null when it can. */
  public static String localProblem(String relative) {
    if (relative.isEmpty()) {
      return "is empty";
    }
    if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
      return "is an absolute path";
    }
    for (String segment : relative.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return "has a '..' segment";
      }
    }
    return null;
  }

  /**
   * Why the local file {@code file} may not be read, or null: its real path (symbolic links
   * resolved) must still start with {@code realPrefix}, the input prefix with its folder's links
   * resolved (see {@link #realPrefix}).
   */
  static String linkProblem(String realPrefix, Path file) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return "is a broken symbolic link";
    }
    if (real.toString().replace('\\', '/').startsWith(realPrefix)) {
      return null;
    }
    return "is reached through a symbolic link to "
        + real
        + ", outside the input location "
        + realPrefix;
  }

  /**
   * A local prefix with the links of its folder ({@code base}) resolved: what real paths must start
   * with.
   */
  static String realPrefix(Path base, String prefix) throws IOException {
    String rest = prefix.substring(Math.min(prefix.length(), base.toString().length()));
    return base.toRealPath().toString().replace('\\', '/') + rest;
  }

  /** True when some part of {@code file} below {@code base} is a symbolic link. */
  static boolean linked(Path base, Path file) {
    for (Path p = file; p != null && !p.equals(base); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return true;
      }
    }
    return false;
  }
}
