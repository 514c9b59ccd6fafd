package io.batchserve.transform.invoke;

import java.io.IOException;

/**
 * An invocation that failed for good (after its retries). {@link #headline} is the service's log
 * line after the file name ({@code ClientError: 400}, {@code Bad HTTP status received from
 * algorithm: 500}, {@code Unable to get response from algorithm}); {@link #body} is the response
 * body or the error, logged after {@code Message:}.
 */
public final class InvocationException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String headline;
  private final String body;

  public InvocationException(int status, String headline, String body) {
    super(headline + (body.isEmpty() ? "" : ": " + body));
    this.status = status;
    this.headline = headline;
    this.body = body;
  }

  /** The HTTP status, or -1 for a timeout or a connection failure. */
  public int status() {
    return status;
  }

  public String headline() {
    return headline;
  }

  public String body() {
    return body;
  }
}
