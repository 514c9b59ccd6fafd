package io.batchserve.transform.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.transform.job.S3DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path dir;

  @Test
  void relative_followsThePrefixAtFolderBoundariesAndKeepsWholeNamesOtherwise() {
    assertEquals("a.csv", Inputs.relative("in/", "in/a.csv"));
    assertEquals("a.csv", Inputs.relative("in", "in/a.csv"));
    assertEquals("sub/a.csv", Inputs.relative("in", "in/sub/a.csv"));
    assertEquals("in_extra/a.csv", Inputs.relative("in", "in_extra/a.csv"));
    assertEquals("customers-001.csv", Inputs.relative("data/customers-", "data/customers-001.csv"));
    assertEquals("a.csv", Inputs.relative("data/a.csv", "data/a.csv"));
  }

  @Test
  void list_localPrefix_isLiteralLikeS3AndKeepsNestedKeys() throws Exception {
    for (String name :
        List.of("test/a.csv", "test/nested/b.csv", "test_small/c.csv", "other/d.csv")) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x\n");
    }
    try (Stores stores = new Stores(new Stores.S3Settings(null, false, null))) {
      List<String> relative =
          Inputs.list(dir.resolve("test").toString(), S3DataType.S3Prefix, stores).stream()
              .map(InputObject::relativeKey)
              .toList();
      assertEquals(List.of("a.csv", "nested/b.csv", "test_small/c.csv"), relative);
      List<String> folderOnly =
          Inputs.list(dir.resolve("test") + "/", S3DataType.S3Prefix, stores).stream()
              .map(InputObject::relativeKey)
              .toList();
      assertEquals(List.of("a.csv", "nested/b.csv"), folderOnly);
    }
  }

  @Test
  void list_localManifest_listsItsEntries() throws Exception {
    Files.createDirectories(dir.resolve("data/x"));
    Files.writeString(dir.resolve("data/x/1.csv"), "1\n");
    Files.writeString(dir.resolve("data/2.csv"), "2\n");
    Files.writeString(
        dir.resolve("manifest.json"),
        "[{\"prefix\": \"" + dir.resolve("data") + "/\"}, \"x/1.csv\", \"2.csv\"]");
    try (Stores stores = new Stores(new Stores.S3Settings(null, false, null))) {
      var objects =
          Inputs.list(dir.resolve("manifest.json").toString(), S3DataType.ManifestFile, stores);
      assertEquals(
          List.of("x/1.csv", "2.csv"), objects.stream().map(InputObject::relativeKey).toList());
      assertEquals(2, objects.get(0).size());
    }
  }
}
