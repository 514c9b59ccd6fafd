package io.batchserve.scripts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageModelScriptTest {
  @TempDir Path tmp;
  Path model;
  Path archive;

  @BeforeEach
  void makeModelFolder() throws IOException {
    model = Files.createDirectories(tmp.resolve("churn"));
    Files.writeString(model.resolve("xgboost-model.json"), "{\"learner\":{}}");
    Files.writeString(model.resolve("descriptor.json"), "{\"name\":\"churn\"}");
    Files.createDirectories(model.resolve("schema"));
    Files.writeString(model.resolve("schema/features.csv"), "tenure,charges\n");
    archive = tmp.resolve("out/model.tar.gz");
  }

  @Test
  void archive_holdsTheFilesAtItsRoot() {
    Scripts.Result run =
        Scripts.run(
            "package-model.sh", "--model", model.toString(), "--output", archive.toString());

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(archive + "\n", run.stdout());
    Scripts.Result listing = Scripts.exec(List.of("tar", "-tzf", archive.toString()), tmp);
    assertEquals(
        List.of("descriptor.json", "schema/features.csv", "xgboost-model.json"),
        listing.stdout().lines().toList());
  }

  @Test
  void archive_isReproducible() throws IOException {
    Scripts.run("package-model.sh", "--model", model.toString(), "--output", archive.toString());
    byte[] first = Files.readAllBytes(archive);
    Files.setLastModifiedTime(model.resolve("descriptor.json"), FileTime.fromMillis(0));
    Scripts.run("package-model.sh", "--model", model.toString(), "--output", archive.toString());

    assertArrayEquals(first, Files.readAllBytes(archive));
  }

  @Test
  void dryRunUpload_writesTheArchiveAndPrintsTheCopy() {
    Scripts.Result run =
        Scripts.run(
            "package-model.sh",
            "--model",
            model.toString(),
            "--output",
            archive.toString(),
            "--upload",
            "s3://my-bucket/models/churn/2026-06-24/",
            "--region",
            "eu-west-1",
            "--dry-run");

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(
        "aws s3 cp "
            + archive
            + " s3://my-bucket/models/churn/2026-06-24/model.tar.gz --region eu-west-1\n",
        run.stdout());
    assertTrue(Files.isRegularFile(archive));
  }

  @Test
  void hiddenFile_isRefused() throws IOException {
    Files.writeString(model.resolve(".DS_Store"), "x");

    Scripts.Result run =
        Scripts.run(
            "package-model.sh", "--model", model.toString(), "--output", archive.toString());

    Scripts.assertRejected(run, "hidden file .DS_Store would land in /opt/ml/model");
  }

  @Test
  void unknownModel_namesTheFlag() {
    Scripts.Result run = Scripts.run("package-model.sh", "--model", "no-such-model");

    Scripts.assertRejected(run, "package-model.sh: --model 'no-such-model': no folder");
  }

  @Test
  void uploadWithoutS3Uri_namesTheFlag() {
    Scripts.Result run =
        Scripts.run("package-model.sh", "--model", model.toString(), "--upload", "/tmp/x");

    Scripts.assertRejected(run, "package-model.sh: --upload '/tmp/x' is not an S3 URI");
  }
}
