package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.transform.run.JobOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is read or written outside the locations a job names: manifest entries and symbolic links
 * that lead out fail their own file with a message naming the entry (the job ends Failed), and the
 * other files complete.
 */
class PathSafetyTest {
  @TempDir Path dir;

  @Test
  void manifest_entryLeavingThePrefix_failsThatFileAndWritesNothingOutside() throws Exception {
    Workspace ws = new Workspace(dir);
    ws.in("a.csv", "1\n");
    Path victim = dir.resolve("other/victim.csv");
    Files.createDirectories(victim.getParent());
    Files.writeString(victim, "secret\n");
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(
        manifest,
        "[{\"prefix\": \""
            + dir.resolve("in")
            + "/\"}, \"a.csv\", \"../other/victim.csv\", "
            + "\""
            + victim
            + "\", \"sub/../../other/victim.csv\"]");
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      Harness harness = Harness.endpoints(fake.uri());
      JobOutcome outcome =
          harness.run(
              Harness.csvLines(manifest, dir.resolve("out"))
                  .set("TransformInput.DataSource.S3DataSource.S3DataType", "ManifestFile"));
      assertFalse(outcome.completed());
      assertEquals("r:1\n", ws.out("a.csv.out"));
      assertTrue(
          harness.log().contains("manifest entry '../other/victim.csv' has a '..' segment"),
          harness.log());
      assertTrue(harness.log().contains("' is an absolute path"), harness.log());
      assertTrue(
          harness.log().contains("manifest entry 'sub/../../other/victim.csv' has a '..' segment"));
      assertEquals(
          List.of(victim), files(dir.resolve("other")), "nothing written beside the victim");
      assertFalse(Files.exists(dir.resolve("victim.csv.out")));
      assertTrue(
          Files.readString(dir.resolve("out/job.json")).contains("\"FilesFailed\" : 3"),
          Files.readString(dir.resolve("out/job.json")));
    }
  }

  @Test
  void symlinks_insideAreFollowed_outsideFailTheirEntry() throws Exception {
    Workspace ws = new Workspace(dir);
    ws.in("a.csv", "1\n");
    Path real = ws.in("sub/real.csv", "2\n");
    Files.createSymbolicLink(dir.resolve("in/inside.csv"), real);
    Files.createSymbolicLink(dir.resolve("in/insidefolder"), dir.resolve("in/sub"));
    Path outside = dir.resolve("elsewhere");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret.csv"), "secret\n");
    Files.createSymbolicLink(dir.resolve("in/outside.csv"), outside.resolve("secret.csv"));
    Files.createSymbolicLink(dir.resolve("in/outsidefolder"), outside);
    Files.createSymbolicLink(dir.resolve("in/broken.csv"), dir.resolve("nowhere.csv"));
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      Harness harness = Harness.endpoints(fake.uri());
      JobOutcome outcome =
          harness.run(
              Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
                  .set("TransformInput.DataSource.S3DataSource.S3Uri", dir + "/in/"));
      assertFalse(outcome.completed());
      assertEquals("r:1\n", ws.out("a.csv.out"));
      assertEquals("r:2\n", ws.out("inside.csv.out"));
      assertEquals("r:2\n", ws.out("insidefolder/real.csv.out"));
      assertEquals("r:2\n", ws.out("sub/real.csv.out"));
      String log = harness.log();
      assertTrue(
          log.contains(
              "in/outside.csv: ClientError: is reached through a symbolic link to "
                  + outside.toRealPath().resolve("secret.csv")),
          log);
      assertTrue(
          log.contains("in/outsidefolder: ClientError: is reached through a symbolic link"), log);
      assertTrue(log.contains("in/broken.csv: ClientError: is a broken symbolic link"), log);
      assertFalse(Files.exists(dir.resolve("out/outside.csv.out")));
      assertFalse(Files.exists(dir.resolve("out/outsidefolder")));
    }
  }

  private static List<Path> files(Path folder) throws Exception {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
