package io.batchserve.http;

import io.batchserve.codec.Snippet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the errors Jetty raises itself, before a request reaches Javalin (a malformed request
 * line, two Content-Length headers, {@code Content-Length: abc}, chunked plus Content-Length,
 * headers too large), with the same {@code {"error": TYPE, "message": TEXT}} body as every other
 * error instead of Jetty's HTML page, and one log line. Types come from {@link
 * ErrorMapper#errorName}.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    String text = describe(code, message);
    LOG.warn(
        "{} {} {} {}: {}",
        Snippet.text(request.getMethod()),
        Snippet.text(request.getHttpURI().getPath()),
        code,
        ErrorMapper.errorName(code),
        text);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, text)), callback);
  }

  /** A request Jetty could not even parse: the body of its 4xx answer. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String text = describe(status, reason);
    LOG.warn("- - {} {}: {}", status, ErrorMapper.errorName(status), text);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, text));
  }

  private static byte[] body(int status, String message) {
    return ErrorMapper.body(ErrorMapper.errorName(status), message)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(int status, String reason) {
    String text =
        Snippet.text(
            reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason, 400);
    return status == 400 ? "the request is malformed: " + text : text;
  }
}
