package io.batchserve.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * model.tar.gz unpacked as SageMaker unpacks it: the archive's root is the model directory; nothing
 * escapes it.
 */
class ModelArchiveTest {
  @TempDir Path dir;

  /**
   * An archive made the way SageMaker users make one: {@code tar -czf model.tar.gz -C model/churn
   * .}.
   */
  @Test
  void unpackToTemp_tarCzfOfTheChurnModel_isTheSameFolderAndLoads() throws Exception {
    Path archive = dir.resolve("model.tar.gz");
    Process tar =
        new ProcessBuilder("tar", "-czf", archive.toString(), "-C", "model/churn", ".")
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    Path unpacked = ModelArchive.unpackToTemp(archive);
    for (String file : List.of("batchserve-model.json", "xgboost-model.ubj")) {
      assertArrayEquals(
          Files.readAllBytes(Path.of("model/churn", file)),
          Files.readAllBytes(unpacked.resolve(file)));
    }
    ModelLoader.check(unpacked);
    assertEquals("churn", ModelLoader.load(unpacked).get(0).info().name());
  }

  @Test
  void unpack_entryOutsideTheFolder_isRefusedNamingIt() throws Exception {
    byte[] evil = tar(new TarArchiveEntry("../escaped.txt"));
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                ModelArchive.unpack(new ByteArrayInputStream(evil), dir.resolve("m"), "evil.tar"));
    assertTrue(
        e.getMessage()
            .contains("entry '../escaped.txt' would be unpacked outside the model directory"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("escaped.txt")));
  }

  @Test
  void unpack_symbolicLink_isRefused() throws Exception {
    TarArchiveEntry link = new TarArchiveEntry("xgboost-model", TarArchiveEntry.LF_SYMLINK);
    link.setLinkName("/etc/passwd");
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                ModelArchive.unpack(
                    new ByteArrayInputStream(tar(link)), dir.resolve("m"), "link.tar"));
    assertTrue(
        e.getMessage().contains("entry 'xgboost-model' is a link or a special file"),
        e.getMessage());
  }

  @Test
  void unpackToTemp_notAnArchive_saysSo() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("model.tar.gz"),
            "not a tar at all, just some text that is long "
                + "enough to fill a tar header block".repeat(20));
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> ModelArchive.unpackToTemp(file));
    assertTrue(e.getMessage().startsWith(file + ": cannot unpack"), e.getMessage());
  }

  private static byte[] tar(TarArchiveEntry entry) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      byte[] content = "x".getBytes(StandardCharsets.UTF_8);
      if (entry.isFile()) {
        entry.setSize(content.length);
      }
      out.putArchiveEntry(entry);
      if (entry.isFile()) {
        out.write(content);
      }
      out.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
