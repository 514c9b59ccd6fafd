package io.batchserve.scripts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Runs the shell scripts under scripts/ as a user would, with no AWS region or profile from the
 * caller's environment.
 */
final class Scripts {
  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path DIR = PROJECT.resolve("scripts");

  private Scripts() {}

  /** What one script run left: its exit code and everything it printed. */
  record Result(int exitCode, String stdout, String stderr) {
    /** The printed lines that are commands, without the `#` comments that explain them. */
    List<String> commands() {
      return stdout.lines().filter(line -> !line.startsWith("#")).toList();
    }
  }

  /** Runs scripts/NAME with the arguments; fails the test if it takes longer than a minute. */
  static Result run(String name, String... args) {
    assumeTrue(
        onPath("jq"), "jq is not installed (apt-get install jq): the script tests are skipped");
    List<String> command = new ArrayList<>(List.of("bash", DIR.resolve(name).toString()));
    command.addAll(List.of(args));
    return exec(command, PROJECT);
  }

  /**
   * Runs scripts/NAME with only the given AWS_* variables from outside (e.g. moto's endpoint and
   * fake keys).
   */
  static Result run(Map<String, String> env, String name, String... args) {
    assumeTrue(
        onPath("jq"), "jq is not installed (apt-get install jq): the script tests are skipped");
    List<String> command = new ArrayList<>(List.of("bash", DIR.resolve(name).toString()));
    command.addAll(List.of(args));
    return exec(command, PROJECT, env);
  }

  static Result exec(List<String> command, Path directory) {
    return exec(command, directory, Map.of());
  }

  static Result exec(List<String> command, Path directory, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
    builder.environment().putAll(env);
    try {
      Process process =
          builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      CompletableFuture<String> stdout =
          CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> stderr =
          CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("still running after 60 s: " + command);
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Asserts a usage error: exit code 2, nothing on stdout (no call printed or made), MESSAGE on
   * stderr.
   */
  static void assertRejected(Result run, String message) {
    Assertions.assertEquals(2, run.exitCode(), run.stderr());
    Assertions.assertEquals("", run.stdout());
    Assertions.assertTrue(run.stderr().contains(message), run.stderr());
  }

  /**
   * The words a POSIX shell reads from a printed command line (so the test checks the quoting too).
   */
  static List<String> words(String commandLine) {
    Result split =
        exec(
            List.of("sh", "-c", "eval \"set -- $0\"; printf '%s\\0' \"$@\"", commandLine), PROJECT);
    if (split.exitCode() != 0) {
      throw new AssertionError("the shell cannot read " + commandLine + ": " + split.stderr());
    }
    return List.of(split.stdout().split("\0"));
  }

  /** The value after FLAG in a printed command line. */
  static String argument(String commandLine, String flag) {
    List<String> words = words(commandLine);
    int at = words.indexOf(flag);
    if (at < 0 || at + 1 >= words.size()) {
      throw new AssertionError(flag + " not in " + commandLine);
    }
    return words.get(at + 1);
  }

  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
