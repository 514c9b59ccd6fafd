package io.batchserve.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * SageMaker's shutdown contract: SIGTERM, then SIGKILL 30 s later. {@code docker stop} (which does
 * exactly that) must end a serving container cleanly, exit code 0, before the SIGKILL.
 */
class StopContainerIT {
  static List<String> models() {
    return BatchserveImage.models();
  }

  @ParameterizedTest
  @MethodSource("models")
  void dockerStop_endsTheServerCleanlyWithinThirtySeconds(String model) {
    try (GenericContainer<?> container = BatchserveImage.serving(model)) {
      container.start();
      BatchserveImage.get(container, "/ping");
      DockerClient docker = DockerClientFactory.instance().client();

      long start = System.nanoTime();
      docker.stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
      Duration stopped = Duration.ofNanos(System.nanoTime() - start);

      var state = docker.inspectContainerCmd(container.getContainerId()).exec().getState();
      System.out.println(
          "["
              + model
              + "] docker stop took "
              + stopped.toMillis()
              + " ms, exit code "
              + state.getExitCodeLong());
      assertEquals(0L, state.getExitCodeLong(), "exit code after SIGTERM (137 would mean SIGKILL)");
      assertTrue(stopped.compareTo(Duration.ofSeconds(30)) < 0, "docker stop took " + stopped);
    }
  }
}
