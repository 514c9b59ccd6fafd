package io.batchserve.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;

/**
 * The server runs as an unprivileged user (uid 10001), and still serves a model mounted read-only
 * with the owner and modes SageMaker unpacks it with (root, files 0644, folders 0755); {@code
 * --user 0} runs it as root.
 */
class UserIT {
  @TempDir Path dir;

  @Test
  void serve_runsAsUnprivilegedUserAndReadsARootOwnedReadOnlyModel() throws Exception {
    Path model = sageMakerLikeCopy(BatchserveImage.PROJECT.resolve("model/churn"));
    try (GenericContainer<?> container = mounted(model)) {
      container.start();
      assertEquals("10001", uidOfPid1(container));
      assertEquals(200, BatchserveImage.get(container, "/ping").statusCode());
      var files =
          container.execInContainer(
              "stat", "-c", "%u %a %n", "/opt/ml/model", "/opt/ml/model/xgboost-model.ubj");
      assertTrue(files.getStdout().contains("0 755 /opt/ml/model"), files.getStdout());
      var write = container.execInContainer("touch", "/opt/ml/model/x");
      assertTrue(write.getExitCode() != 0, "the model folder is not writable");
    }
  }

  @Test
  void serve_userZero_runsAsRoot() throws Exception {
    Path model = sageMakerLikeCopy(BatchserveImage.PROJECT.resolve("model/churn"));
    try (GenericContainer<?> container =
        mounted(model).withCreateContainerCmdModifier(cmd -> cmd.withUser("0"))) {
      container.start();
      assertEquals("0", uidOfPid1(container));
      assertEquals(200, BatchserveImage.get(container, "/ping").statusCode());
    }
  }

  private static GenericContainer<?> mounted(Path model) {
    return BatchserveImage.serving("churn", model);
  }

  private static String uidOfPid1(GenericContainer<?> container) throws Exception {
    var status = container.execInContainer("grep", "^Uid:", "/proc/1/status");
    return status.getStdout().trim().split("\\s+")[1];
  }

  /**
   * A copy owned by this (root) user, files 0644 and folders 0755, as SageMaker unpacks
   * model.tar.gz.
   */
  private Path sageMakerLikeCopy(Path source) throws IOException {
    Path target = dir.resolve("model");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(from, to);
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return target;
  }
}
