package io.batchserve.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python for tests that use real Python clients or references: the one on PATH (pyenv on
 * these machines) or Debian's {@code /usr/bin/python3}, whichever can import what the test needs.
 */
public final class Pythons {
  private Pythons() {}

  /**
   * The first of {@code python3} and {@code /usr/bin/python3} that runs {@code import <imports>},
   * or null when neither does.
   */
  public static String importing(String imports) {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import " + imports)
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }
}
