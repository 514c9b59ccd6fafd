package io.batchserve.transform.instance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start one server: {@code <this java> -cp <this class path> <main> serve --host 127.0.0.1
 * --port P --model-dir D}, which works from the jar and from a test class path alike (tests name
 * another main class); or, with an {@code image}, the real container as SageMaker and SDK local
 * mode run it: {@code docker run --rm --name N -p 127.0.0.1:P:8080 -v D:/opt/ml/model:ro -e K=V ...
 * IMAGE serve}, attached, so that the process lives as long as the container and its output is the
 * container's log.
 */
public record ServerCommand(
    String mainClass, Path modelDir, List<String> jvmOptions, String image) {
  public static final String DEFAULT_MAIN = "io.batchserve.cli.Main";

  /** The port the image serves on (SageMaker's). */
  static final int CONTAINER_PORT = 8080;

  public ServerCommand {
    jvmOptions = List.copyOf(jvmOptions);
  }

  public ServerCommand(String mainClass, Path modelDir, List<String> jvmOptions) {
    this(mainClass, modelDir, jvmOptions, null);
  }

  /** What is started, for the console: "server(s)" or "container(s) of IMAGE". */
  public String describe() {
    return inContainer() ? "container(s) of " + image : "server(s)";
  }

  boolean inContainer() {
    return image != null;
  }

  /**
   * The command line of a server on {@code port}; a container gets {@code environment} and {@code
   * name}.
   */
  List<String> args(int port, Map<String, String> environment, String name) {
    List<String> args = new ArrayList<>();
    if (inContainer()) {
      args.addAll(
          List.of(
              "docker",
              "run",
              "--rm",
              "--name",
              name,
              "-p",
              "127.0.0.1:" + port + ":" + CONTAINER_PORT,
              "-v",
              modelDir.toAbsolutePath() + ":/opt/ml/model:ro"));
      environment.forEach((key, value) -> args.addAll(List.of("-e", key + "=" + value)));
      args.addAll(List.of(image, "serve"));
      return args;
    }
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(jvmOptions);
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add(mainClass);
    args.addAll(
        List.of(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--model-dir",
            modelDir.toAbsolutePath().toString()));
    return args;
  }
}
