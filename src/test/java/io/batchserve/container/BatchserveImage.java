package io.batchserve.container;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.batchserve.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The image built from the project's Dockerfile and target/batchserve.jar, once per test JVM and
 * shared by every container test; and containers of it started as SageMaker starts them ({@code
 * docker run -v MODEL:/opt/ml/model IMAGE serve}). Where no Docker daemon answers, every caller is
 * skipped through a JUnit assumption.
 *
 * <p>The base image is the Dockerfile's default unless BATCHSERVE_BASE_IMAGE names another (.ci/run
 * sets it to a locally built one where no registry is reachable).
 */
final class BatchserveImage {
  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final int PORT = 8080;

  /** A memory limit, so that the JVM's container-relative heap sizing has something to read. */
  static final long MEMORY_BYTES = 1L << 30;

  private static String name; // guarded by BatchserveImage.class
  private static boolean toldSkipped; // guarded by BatchserveImage.class

  private BatchserveImage() {}

  /**
   * The image's name, built on first use; skips the calling test when no Docker daemon is
   * reachable.
   */
  static synchronized String name() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      String why =
          "no Docker daemon is reachable (DOCKER_HOST="
              + System.getenv("DOCKER_HOST")
              + "): container tests skipped; .ci/run starts one";
      if (!toldSkipped) {
        System.out.println(why);
        toldSkipped = true;
      }
      assumeTrue(false, why);
    }
    if (name == null) {
      if (!Files.isRegularFile(PROJECT.resolve("target/batchserve.jar"))) {
        throw new IllegalStateException(
            "target/batchserve.jar is missing: container tests run after package "
                + "(mvn -B verify)");
      }
      String tag = "batchserve-it:" + UUID.randomUUID().toString().substring(0, 8);
      ImageFromDockerfile image =
          new ImageFromDockerfile(tag, true).withDockerfile(PROJECT.resolve("Dockerfile"));
      String base = System.getenv("BATCHSERVE_BASE_IMAGE");
      if (base != null && !base.isBlank()) {
        image.withBuildArg("BASE_IMAGE", base);
      }
      name = image.get();
      // Testcontainers removes it at exit only through Ryuk, which machines without a registry
      // cannot run.
      String built = name;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> removeImage(built), "remove " + built));
    }
    return name;
  }

  private static void removeImage(String image) {
    try {
      DockerClientFactory.instance().client().removeImageCmd(image).withForce(true).exec();
    } catch (RuntimeException e) {
      System.err.println("could not remove the test image " + image + ": " + e);
    }
  }

  /** The sample models: the folders under model/, each what a model.tar.gz would unpack to. */
  static List<String> models() {
    try (Stream<Path> folders = Files.list(PROJECT.resolve("model"))) {
      return folders
          .filter(Files::isDirectory)
          .map(folder -> folder.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A not yet started container serving model/MODEL, mounted read-only at /opt/ml/model, as
   * SageMaker does.
   */
  static GenericContainer<?> serving(String model) {
    return serving(model, PROJECT.resolve("model").resolve(model));
  }

  /**
   * A not yet started container serving the model folder {@code dir}, mounted read-only at
   * /opt/ml/model.
   */
  static GenericContainer<?> serving(String model, Path dir) {
    return new GenericContainer<>(DockerImageName.parse(name()))
        .withCommand("serve")
        .withFileSystemBind(dir.toString(), "/opt/ml/model", BindMode.READ_ONLY)
        .withExposedPorts(PORT)
        .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(MEMORY_BYTES))
        .withLogConsumer(
            frame -> {
              if (frame.getType() != OutputFrame.OutputType.END) {
                System.out.println(
                    "[" + model + " container] " + frame.getUtf8StringWithoutLineEnding());
              }
            })
        .waitingFor(
            Wait.forHttp("/ping")
                .forPort(PORT)
                .forStatusCode(200)
                .withStartupTimeout(Duration.ofMinutes(4)));
  }

  /** The base URL of a started container's port 8080, as published on this host. */
  static String url(GenericContainer<?> container) {
    return "http://" + container.getHost() + ":" + container.getMappedPort(PORT);
  }

  /** GET PATH on a started container's port 8080. */
  static HttpResponse<String> get(GenericContainer<?> container, String path) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url(container) + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build());
  }
}
