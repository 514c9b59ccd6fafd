package io.batchserve.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.BadInputException;
import io.batchserve.codec.Json;
import io.batchserve.codec.NotAcceptableException;
import io.batchserve.codec.UnsupportedContentTypeException;
import io.batchserve.model.PredictionException;
import io.batchserve.worker.CapacityExceededException;
import io.batchserve.worker.DeadlineExceededException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from exceptions to HTTP answers. Every error answer is {@code {"error": TYPE, "message": TEXT}}.
 * Expected errors (the request's fault, or load) log one line; faults (500) log the stack trace.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private record Rule(Class<? extends Throwable> type, int status, String error) {}

  private static final List<Rule> TABLE = List.of(
      new Rule(BadInputException.class, 400, "InvalidInput"),
      new Rule(UnknownModelException.class, 400, "UnknownModel"),
      new Rule(NotAcceptableException.class, 406, "NotAcceptable"),
      new Rule(PayloadTooLargeException.class, 413, "PayloadTooLarge"),
      new Rule(UnsupportedContentTypeException.class, 415, "UnsupportedMediaType"),
      new Rule(CapacityExceededException.class, 503, "ServiceUnavailable"),
      new Rule(DeadlineExceededException.class, 503, "Timeout"),
      new Rule(NotReadyException.class, 503, "NotReady"),
      new Rule(PredictionException.class, 500, "PredictionFailed"));
  private static final Rule FAULT = new Rule(Throwable.class, 500, "InternalError");

  private ErrorMapper() {}

  /** Answers the exception and returns the status it was given. */
  static int handle(Exception exception, Context ctx) {
    Throwable cause = unwrap(exception);
    Rule rule = TABLE.stream().filter(r -> r.type().isInstance(cause)).findFirst().orElse(FAULT);
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (rule.status() >= 500 && rule.status() != 503) {
      LOG.error("{} {} {}: {}", ctx.method(), ctx.path(), rule.status(), message, cause);
    } else {
      LOG.warn("{} {} {} {}: {}", ctx.method(), ctx.path(), rule.status(), rule.error(), message);
    }
    if (rule.status() == 503) {
      ctx.header("Retry-After", "1");
    }
    ctx.status(rule.status()).contentType("application/json")
        .result(body(rule.error(), message).getBytes(StandardCharsets.UTF_8));
    return rule.status();
  }

  static String body(String error, String message) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("error", error).put("message", message);
    return node.toString();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
