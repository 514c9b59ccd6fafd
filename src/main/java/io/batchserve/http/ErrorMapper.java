package io.batchserve.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.BadInputException;
import io.batchserve.codec.Json;
import io.batchserve.codec.NotAcceptableException;
import io.batchserve.codec.Snippet;
import io.batchserve.codec.UnsupportedContentTypeException;
import io.batchserve.model.PredictionException;
import io.batchserve.worker.CapacityExceededException;
import io.batchserve.worker.DeadlineExceededException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from exceptions to HTTP answers. Every error answer is {@code {"error": TYPE,
 * "message": TEXT}}. Expected errors (the request's fault, or load) log one line; faults (500) log
 * the stack trace.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private record Rule(Class<? extends Throwable> type, int status, String error) {}

  private static final List<Rule> TABLE =
      List.of(
          new Rule(BadInputException.class, 400, "InvalidInput"),
          new Rule(UnknownModelException.class, 400, "UnknownModel"),
          new Rule(RequestTimeoutException.class, 408, "RequestTimeout"),
          new Rule(NotAcceptableException.class, 406, "NotAcceptable"),
          new Rule(PayloadTooLargeException.class, 413, "PayloadTooLarge"),
          new Rule(UnsupportedContentTypeException.class, 415, "UnsupportedMediaType"),
          new Rule(CapacityExceededException.class, 503, "ServiceUnavailable"),
          new Rule(DeadlineExceededException.class, 503, "Timeout"),
          new Rule(NotReadyException.class, 503, "NotReady"),
          new Rule(PredictionException.class, 500, "PredictionFailed"));
  private static final Rule FAULT = new Rule(Throwable.class, 500, "InternalError");

  /**
   * The longest message answered or logged; the parts quoted from the request are shorter still.
   */
  private static final int MAX_MESSAGE = 2000;

  private ErrorMapper() {}

  /**
   * Answers the exception and returns the status it was given. The message and the path are escaped
   * and bounded again here ({@link Snippet}), whatever built them, so no client text can forge or
   * flood a log line.
   */
  static int handle(Exception exception, Context ctx) {
    Throwable cause = unwrap(exception);
    Rule rule = TABLE.stream().filter(r -> r.type().isInstance(cause)).findFirst().orElse(FAULT);
    String message =
        Snippet.text(
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(),
            MAX_MESSAGE);
    if (rule.status() >= 500 && rule.status() != 503) {
      LOG.error(
          "{} {} {}: {}",
          Snippet.text(ctx.req().getMethod()),
          Snippet.text(ctx.path()),
          rule.status(),
          message,
          cause);
    } else {
      LOG.warn(
          "{} {} {} {}: {}",
          Snippet.text(ctx.req().getMethod()),
          Snippet.text(ctx.path()),
          rule.status(),
          rule.error(),
          message);
    }
    if (rule.status() == 503) {
      ctx.header("Retry-After", "1");
    } else if (rule.status() == 408) {
      ctx.header("Connection", "close");
    }
    answer(ctx, rule.status(), rule.error(), message);
    return rule.status();
  }

  /**
   * Javalin's own answers, registered as its 404 and 405 error handlers: a path outside the
   * contract, or the wrong method on one of its paths (405 with {@code Allow}).
   */
  static void routingError(Context ctx) {
    String path = Snippet.text(ctx.path());
    String allowed = Routes.allowed(ctx.path());
    String method = Snippet.text(ctx.req().getMethod());
    int status = allowed != null ? 405 : 404;
    String message;
    if (status == 405) {
      ctx.header("Allow", allowed);
      message = method + " is not allowed on " + path + "; it answers " + allowed;
    } else {
      message =
          "no such endpoint: "
              + method
              + " "
              + path
              + "; the container answers "
              + Routes.describe();
    }
    LOG.warn("{} {} {} {}: {}", method, path, status, errorName(status), message);
    answer(ctx, status, errorName(status), message);
  }

  private static void answer(Context ctx, int status, String error, String message) {
    ctx.status(status)
        .contentType("application/json")
        .result(body(error, message).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The error type for a status when no exception names one (Jetty's and Javalin's own answers).
   */
  static String errorName(int status) {
    return switch (status) {
      case 400 -> "InvalidInput";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 408 -> "RequestTimeout";
      case 413 -> "PayloadTooLarge";
      case 414 -> "URITooLong";
      case 415 -> "UnsupportedMediaType";
      case 431 -> "HeadersTooLarge";
      case 503 -> "ServiceUnavailable";
      case 505 -> "HTTPVersionNotSupported";
      default -> status < 500 ? "BadRequest" : "InternalError";
    };
  }

  static String body(String error, String message) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("error", error).put("message", message);
    return node.toString();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
