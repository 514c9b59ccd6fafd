package io.batchserve.transform.run;

import io.batchserve.transform.invoke.InvocationException;
import java.util.function.Consumer;

/**
 * Logs a failed file in the service's formats: {@code bucket/key: ClientError: 400}, then {@code
 * bucket/key: Message:} and the body, line by line; other failures as {@code bucket/key: <reason>}.
 */
final class FailureLog {
  private FailureLog() {}

  /**
   * Logs the failure in the service's lines, then (when {@code where} names the failed request's
   * records in the file, see {@link RequestLocation}) one more line with the file's line, and
   * returns the one-line reason for job.json, e.g. {@code customers-007.csv line 30,001 (request
   * 12, line 2,581): ClientError: 400: ...}.
   */
  static String write(String input, String where, Exception e, Consumer<String> log) {
    String message;
    if (e instanceof InvocationException invocation) {
      log.accept(input + ": " + invocation.headline());
      if (!invocation.body().isEmpty()) {
        log.accept(input + ": Message:");
        invocation.body().lines().forEach(line -> log.accept(input + ": " + line));
      }
      message = invocation.getMessage();
      if (where == null) {
        return input + ": " + message;
      }
    } else {
      message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    String located = (where == null ? input : input + " " + where) + ": " + message;
    log.accept(located);
    return located;
  }
}
