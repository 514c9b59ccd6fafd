package io.batchserve.transform.instance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one server: {@code <this java> -cp <this class path> <main> serve --host 127.0.0.1 --port P
 * --model-dir D}. Works from the jar and from a test class path alike; tests name another main class.
 */
public record ServerCommand(String mainClass, Path modelDir, List<String> jvmOptions) {
  public static final String DEFAULT_MAIN = "io.batchserve.cli.Main";

  public ServerCommand {
    jvmOptions = List.copyOf(jvmOptions);
  }

  List<String> args(int port) {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(jvmOptions);
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add(mainClass);
    args.addAll(List.of("serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--model-dir",
        modelDir.toAbsolutePath().toString()));
    return args;
  }
}
