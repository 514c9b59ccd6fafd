package io.batchserve.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A {@code model.tar.gz}, unpacked as SageMaker unpacks a model's {@code ModelDataUrl} into {@code
 * /opt/ml/model}: the archive's root becomes the model directory ({@code ./} prefixes dropped),
 * folders are created, files keep their bytes. Gzip is detected by its magic bytes, so a plain tar
 * works too. Entries that would land outside the directory (absolute, {@code ..}) and links are
 * refused with a message naming the entry: a model archive has no business holding either.
 */
public final class ModelArchive {
  private ModelArchive() {}

  /**
   * Unpacks {@code archive} into a new temporary folder, deleted when the JVM exits, and returns
   * the folder.
   */
  public static Path unpackToTemp(Path archive) throws ModelLoadException {
    try {
      Path target = Files.createTempDirectory("batchserve-model-");
      readable(target, "rwxr-xr-x");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteQuietly(target), "delete-unpacked-model"));
      try (InputStream in = Files.newInputStream(archive)) {
        unpack(in, target, archive.toString());
      }
      return target;
    } catch (IOException e) {
      throw new ModelLoadException(archive + ": cannot unpack: " + e.getMessage(), e);
    }
  }

  /**
   * Unpacks a tar (gzip'd or not) read from {@code in} into {@code target}; {@code name} names it
   * in messages.
   */
  public static void unpack(InputStream in, Path target, String name)
      throws IOException, ModelLoadException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    InputStream tar =
        GzipCompressorInputStream.matches(peek(buffered), 2)
            ? new GzipCompressorInputStream(buffered, true)
            : buffered;
    Path root = target.toAbsolutePath().normalize();
    int entries = 0;
    try (TarArchiveInputStream archive = new TarArchiveInputStream(tar)) {
      for (TarArchiveEntry entry = archive.getNextEntry();
          entry != null;
          entry = archive.getNextEntry()) {
        entries++;
        Path destination = destination(root, entry, name);
        if (entry.isSymbolicLink()
            || entry.isLink()
            || entry.isCharacterDevice()
            || entry.isBlockDevice()
            || entry.isFIFO()) {
          throw special(name, entry.getName());
        } else if (entry.isDirectory()) {
          Files.createDirectories(destination);
          readable(destination, "rwxr-xr-x");
        } else if (entry.isFile()) {
          Files.createDirectories(destination.getParent());
          Files.copy(archive, destination, StandardCopyOption.REPLACE_EXISTING);
          readable(destination, "rw-r--r--");
        } else {
          throw special(name, entry.getName());
        }
      }
    } catch (IOException e) {
      throw new IOException(
          entries == 0 ? "not a tar or tar.gz archive (" + e.getMessage() + ")" : e.getMessage(),
          e);
    }
    if (entries == 0) {
      throw new ModelLoadException(name + ": the archive is empty");
    }
  }

  private static Path destination(Path root, TarArchiveEntry entry, String name)
      throws ModelLoadException {
    String entryName = entry.getName();
    Path destination = root.resolve(entryName).normalize();
    if (entryName.startsWith("/") || !destination.startsWith(root)) {
      throw new ModelLoadException(
          name
              + ": entry '"
              + entryName
              + "' would be unpacked outside the model "
              + "directory; not unpacked");
    }
    return destination;
  }

  /**
   * As SageMaker leaves them (files 0644, folders 0755), so a container's unprivileged user can
   * read them.
   */
  private static void readable(Path path, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }

  private static byte[] peek(BufferedInputStream in) throws IOException {
    in.mark(2);
    byte[] head = in.readNBytes(2);
    in.reset();
    return head;
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }

  private static ModelLoadException special(String archive, String entry) {
    return new ModelLoadException(
        archive
            + ": entry '"
            + entry
            + "' is a link or a special file; a model archive holds only files and folders");
  }
}
