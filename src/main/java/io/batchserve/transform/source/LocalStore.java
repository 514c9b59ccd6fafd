package io.batchserve.transform.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local file system as a store: keys are absolute paths with forward slashes, and listing is a literal prefix
 * match, so {@code data/part} matches {@code data/part-1.csv} and {@code data/partition/x.csv} as S3 would.
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
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String key = file.toAbsolutePath().toString().replace('\\', '/');
        if (key.startsWith(prefix)) {
          found.add(new Listed(key, Files.size(file)));
        }
      }
    }
    found.sort(Comparator.comparing(Listed::key));
    return found;
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
