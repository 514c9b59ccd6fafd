package io.batchserve.transform.run;

import io.batchserve.transform.invoke.InvocationException;
import java.util.function.Consumer;

/**
 * Logs a failed file in the service's formats: {@code bucket/key: ClientError: 400}, then
 * {@code bucket/key: Message:} and the body, line by line; other failures as {@code bucket/key: <reason>}.
 */
final class FailureLog {
  private FailureLog() {}

  /** Logs the failure and returns the one-line reason for job.json. */
  static String write(String file, Exception e, Consumer<String> log) {
    if (e instanceof InvocationException invocation) {
      log.accept(file + ": " + invocation.headline());
      if (!invocation.body().isEmpty()) {
        log.accept(file + ": Message:");
        invocation.body().lines().forEach(line -> log.accept(file + ": " + line));
      }
      return file + ": " + invocation.getMessage();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    log.accept(file + ": " + message);
    return file + ": " + message;
  }
}
