package io.batchserve.transform.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The local file system as a store: keys are absolute paths with forward slashes, and listing is a
 * literal prefix match, so {@code data/part} matches {@code data/part-1.csv} and {@code
 * data/partition/x.csv} as S3 would. Files reached through symbolic links are listed with a problem
 * when the link leads out of the input folder.
 */
final class LocalStore implements Store {
  @Override
  public List<Listed> list(String bucket, String prefix) throws IOException {
    Path exact = Path.of(prefix);
    if (Files.isRegularFile(exact)) {
      return List.of(new Listed(prefix, Files.size(exact)));
    }
    int slash = prefix.lastIndexOf('/');
    Path base = Path.of(slash <= 0 ? "/" : prefix.substring(0, slash));
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    List<Listed> found = new ArrayList<>();
    Files.walkFileTree(
        base,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new Lister(base, prefix, found));
    found.sort(Comparator.comparing(Listed::key));
    return found;
  }

  /**
   * Lists the files whose path starts with the prefix. Symbolic links are followed while their
   * targets stay in the input folder; one that leads out (or is broken, or loops) is listed once
   * with its problem, never skipped.
   */
  private static final class Lister extends SimpleFileVisitor<Path> {
    private final Path base;
    private final String prefix;
    private final String realPrefix;
    private final List<Listed> found;

    Lister(Path base, String prefix, List<Listed> found) throws IOException {
      this.base = base;
      this.prefix = prefix;
      this.realPrefix = Containment.realPrefix(base, prefix);
      this.found = found;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
        throws IOException {
      if (!dir.equals(base) && Containment.linked(base, dir)) {
        String problem = Containment.linkProblem(realPrefix, dir);
        if (problem != null) {
          add(dir, 0, problem);
          return FileVisitResult.SKIP_SUBTREE;
        }
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
      if (attrs.isRegularFile()) {
        add(
            file,
            attrs.size(),
            Containment.linked(base, file) ? Containment.linkProblem(realPrefix, file) : null);
      } else if (attrs.isSymbolicLink()) {
        add(
            file,
            0,
            "is a broken symbolic link"); // followed links report their target's attributes
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      add(
          file,
          0,
          e instanceof FileSystemLoopException
              ? "is a symbolic link that loops back to a folder above it"
              : Files.isSymbolicLink(file)
                  ? "is a broken symbolic link"
                  : "cannot be read: " + e.getMessage());
      return FileVisitResult.CONTINUE;
    }

    private void add(Path file, long size, String problem) {
      String key = file.toAbsolutePath().toString().replace('\\', '/');
      if (key.startsWith(prefix)) {
        found.add(new Listed(key, size, problem));
      }
    }
  }

  @Override
  public InputStream open(String bucket, String key) throws IOException {
    return Files.newInputStream(Path.of(key));
  }

  @Override
  public long size(String bucket, String key) throws IOException {
    Path file = Path.of(key);
    return Files.isRegularFile(file) ? Files.size(file) : -1;
  }

  @Override
  public void publish(Path file, String bucket, String key) throws IOException {
    Path target = Path.of(key);
    Files.createDirectories(target.getParent());
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
