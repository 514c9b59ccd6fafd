package io.batchserve.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ExposedPort;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * What SageMaker reads from the image itself, and the settings it passes through the environment.
 */
class ImageIT {
  @Test
  void image_declaresPortLabelAndServeCommand() {
    String name = BatchserveImage.name();
    InspectImageResponse image =
        DockerClientFactory.instance().client().inspectImageCmd(name).exec();
    var config = image.getConfig();

    assertEquals(
        "true", config.getLabels().get("com.amazonaws.sagemaker.capabilities.accept-bind-to-port"));
    assertEquals(List.of(ExposedPort.tcp(8080)), List.of(config.getExposedPorts()));
    assertEquals(List.of("serve"), List.of(config.getCmd()));
    assertTrue(
        config.getEntrypoint() == null || config.getEntrypoint().length == 0, "no ENTRYPOINT");
    assertTrue(
        List.of(config.getEnv()).contains("OMP_NUM_THREADS=1"),
        List.of(config.getEnv()).toString());
  }

  @Test
  void modelDirectory_isEmptyInTheImage() throws Exception {
    try (GenericContainer<?> container =
        new GenericContainer<>(BatchserveImage.name())
            .withCommand("sleep", "60")
            .waitingFor(Wait.forListeningPorts())) {
      container.start();
      var listing = container.execInContainer("ls", "-A", "/opt/ml/model");
      assertEquals(0, listing.getExitCode(), listing.getStderr());
      assertEquals("", listing.getStdout());
    }
  }

  /**
   * test/container/with-model.Dockerfile: the documented way to bake a sample model in for local
   * tests.
   */
  @Test
  void withModelDockerfile_bakesTheModelIn() {
    String model = BatchserveImage.models().get(0);
    String tag = "batchserve-it-" + model + ":" + UUID.randomUUID().toString().substring(0, 8);
    String baked =
        new ImageFromDockerfile(tag)
            .withFileFromPath(
                "Dockerfile",
                BatchserveImage.PROJECT.resolve("test/container/with-model.Dockerfile"))
            .withFileFromPath(
                "model/" + model, BatchserveImage.PROJECT.resolve("model").resolve(model))
            .withBuildArg("IMAGE", BatchserveImage.name())
            .withBuildArg("MODEL", model)
            .get();
    try (GenericContainer<?> container =
        new GenericContainer<>(baked)
            .withCommand("serve")
            .withExposedPorts(BatchserveImage.PORT)
            .waitingFor(
                Wait.forHttp("/ping")
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(4)))) {
      container.start();
      assertTrue(container.isRunning());
    } finally {
      DockerClientFactory.instance().client().removeImageCmd(baked).withForce(true).exec();
    }
  }

  /**
   * JAVA_OPTS comes after the image's JVM defaults, so it can set the processor count the server
   * sizes itself by.
   */
  @Test
  void javaOpts_overridesTheProcessorCount() throws Exception {
    try (GenericContainer<?> container =
        BatchserveImage.serving(BatchserveImage.models().get(0))
            .withEnv("JAVA_OPTS", "-XX:ActiveProcessorCount=1")) {
      container.start();
      String parameters = BatchserveImage.get(container, "/execution-parameters").body();
      assertEquals(
          1,
          new ObjectMapper().readTree(parameters).path("MaxConcurrentTransforms").asInt(),
          parameters);
    }
  }

  /**
   * Inference pipelines and multi-container endpoints move the port with SAGEMAKER_BIND_TO_PORT.
   */
  @Test
  void bindToPort_movesTheServer() {
    String model = BatchserveImage.models().get(0);
    try (GenericContainer<?> container =
        BatchserveImage.serving(model)
            .withEnv("SAGEMAKER_BIND_TO_PORT", "9090")
            .withExposedPorts(9090)
            .waitingFor(
                Wait.forHttp("/ping")
                    .forPort(9090)
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(4)))) {
      container.start();
      assertTrue(container.getMappedPort(9090) > 0);
    }
  }
}
