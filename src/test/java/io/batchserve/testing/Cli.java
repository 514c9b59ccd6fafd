package io.batchserve.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code batchserve} as a user does, in its own JVM ({@code java ... io.batchserve.cli.Main
 * ARGS}, the jar's main class on the test class path), from the project folder, and returns what it
 * printed. Each stream goes to its own file, so that what a user's terminal would show on stdout
 * can be read apart from stderr.
 */
public final class Cli {
  /** Exit code and the two streams. */
  public record Result(int exit, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  private Cli() {}

  public static Result run(Path workDir, List<String> args)
      throws IOException, InterruptedException {
    return run(workDir, Map.of(), args);
  }

  /**
   * {@code <this java> -cp <this class path> io.batchserve.cli.Main ARGS}: batchserve as a user
   * starts it, for tests that run it themselves (a long-running command, say).
   */
  public static List<String> command(List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "io.batchserve.cli.Main"));
    command.addAll(args);
    return command;
  }

  /** As {@link #run(Path, List)}, with these environment variables added to the test's own. */
  public static Result run(Path workDir, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = command(args);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "batchserve "
              + args
              + " did not end within 180 s:\n"
              + Files.readString(out, StandardCharsets.UTF_8)
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
