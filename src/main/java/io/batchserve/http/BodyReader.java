package io.batchserve.http;

import io.batchserve.codec.BadInputException;
import io.batchserve.codec.Snippet;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Reads one request body without holding a thread: Servlet non-blocking reads, so a client that
 * trickles its body holds a connection and at most one buffer, never one of Jetty's threads (which
 * {@code /ping} needs). The buffer grows with what arrives ({@link #grow}) from 64 KiB up to the
 * Content-Length, so a client that announces a large body and then stalls costs at most 64 KiB or
 * four times what it sent, not its announced size.
 *
 * <p>The body completes {@link #future} with a {@link Body}, or fails it with: 413 (over the limit;
 * what the client is still sending is read and dropped first, up to {@link #DRAIN_LIMIT}, because
 * closing on a client that is still writing resets it and it never sees the 413), 400 (the body
 * ended early or its chunked framing is broken), or 408 (it arrived more slowly than {@link
 * BodyRate} allows: see there).
 *
 * <p>Concurrency: Jetty calls the listener methods one at a time; {@link #checkRate} runs on the
 * rate sweeper. {@link #received} is the only field both read, hence volatile. The future is
 * completed once, by whichever comes first, and never under a lock.
 */
final class BodyReader implements ReadListener {
  static final long DRAIN_LIMIT = 128L << 20;
  private static final int FIRST_BUFFER = 64 * 1024;

  private final ServletInputStream in;
  private final long contentLength;
  private final long limit;
  private final BodyRate rate;
  private final long started;
  private final CompletableFuture<Body> future = new CompletableFuture<>();
  private byte[] bytes;
  private int length;
  private boolean overLimit;
  private long dropped;
  private volatile long received;

  private BodyReader(ServletInputStream in, long contentLength, long limit, BodyRate rate) {
    this.in = in;
    this.contentLength = contentLength;
    this.limit = limit;
    this.rate = rate;
    this.started = rate.now();
    this.overLimit = contentLength > limit;
    this.bytes =
        new byte
            [contentLength >= 0 && !overLimit
                ? (int) Math.min(contentLength, FIRST_BUFFER)
                : FIRST_BUFFER];
  }

  /**
   * Starts reading {@code in} (the request must be in async mode) and returns the body's future. It
   * completes on the thread that reads the last byte, or on the rate checker's thread with a 408.
   */
  static CompletableFuture<Body> read(
      ServletInputStream in, long contentLength, long limit, BodyRate rate) {
    BodyReader reader = new BodyReader(in, contentLength, limit, rate);
    rate.watch(reader);
    in.setReadListener(reader);
    return reader.future;
  }

  /**
   * The body when all of it has already arrived with the headers (Jetty has it buffered), read at
   * once on this thread without going async; null otherwise (then {@link #read}). Bodies that
   * arrive whole are most small requests, and reading them here saves the async read's hand-offs.
   */
  static Body readIfArrived(ServletInputStream in, long contentLength, long limit)
      throws IOException {
    if (contentLength < 0 || contentLength > limit || in.available() < contentLength) {
      return null;
    }
    byte[] bytes = new byte[(int) contentLength];
    int n = in.readNBytes(bytes, 0, bytes.length);
    if (n < bytes.length) {
      throw endedEarly(n, contentLength);
    }
    return new Body(bytes, n);
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!future.isDone() && in.isReady()) {
      if (!overLimit && length == bytes.length && !grow()) {
        // Full. With a Content-Length Jetty delivers no more, so this read finds the end; chunked,
        // it is too much.
        overLimit = contentLength < 0;
        if (!overLimit && in.read() < 0) {
          return;
        }
        overLimit = true;
        continue;
      }
      int n =
          overLimit
              ? in.read(sink(), 0, FIRST_BUFFER)
              : in.read(bytes, length, bytes.length - length);
      if (n < 0) {
        return;
      }
      received += n;
      if (!overLimit) {
        length += n;
      } else if ((dropped += n) > DRAIN_LIMIT) {
        fail(tooLarge());
      }
    }
  }

  private byte[] sink() {
    if (bytes.length < FIRST_BUFFER) {
      bytes = new byte[FIRST_BUFFER];
    }
    return bytes;
  }

  @Override
  public void onAllDataRead() {
    if (overLimit || length > limit) {
      fail(tooLarge());
    } else if (contentLength >= 0 && length < contentLength) {
      fail(endedEarly());
    } else {
      rate.unwatch(this);
      future.complete(new Body(bytes, length));
    }
  }

  /**
   * Jetty's word that the body cannot be read: the client went away early, its framing broke, or it
   * idled out.
   */
  @Override
  public void onError(Throwable failure) {
    if (isTimeout(failure)) {
      fail(
          new RequestTimeoutException(
              "the request body stopped arriving after " + received + " bytes (idle timeout)"));
    } else if (contentLength >= 0 && received < contentLength) {
      fail(endedEarly());
    } else {
      fail(
          new BadInputException(
              "the request body's chunked framing is broken after "
                  + received
                  + " bytes ("
                  + Snippet.text(problem(failure))
                  + "); each chunk is a hex size line, that many bytes and CRLF, and the"
                  + " body ends with a 0-size chunk"));
    }
  }

  private void fail(RuntimeException e) {
    rate.unwatch(this);
    future.completeExceptionally(e);
  }

  /**
   * Room for more: doubles the buffer up to the Content-Length, or to one byte past the limit when
   * chunked; once a quarter of the Content-Length has arrived, goes straight to it, which saves the
   * last copies of a large body (a 7 MB body allocated 15 MB by doubling, now 9 MB). Either way a
   * client that stalls holds at most four times what it sent, or 64 KiB.
   */
  private boolean grow() {
    long cap = contentLength >= 0 ? contentLength : limit + 1;
    if (length >= cap) {
      return false;
    }
    long next = contentLength >= 0 && length * 4L >= contentLength ? cap : length * 2L;
    bytes = Arrays.copyOf(bytes, (int) Math.min(cap, next));
    return true;
  }

  private PayloadTooLargeException tooLarge() {
    return tooLarge(
        contentLength >= 0 ? contentLength + " bytes" : "more than " + limit + " bytes (chunked)",
        limit);
  }

  private BadInputException endedEarly() {
    return endedEarly(received, contentLength);
  }

  private static BadInputException endedEarly(long received, long contentLength) {
    return new BadInputException(
        "the request body ended after "
            + received
            + " of the "
            + contentLength
            + " bytes its Content-Length announced");
  }

  private static boolean isTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message Jetty gave, e.g. "Bad chunking" or "Early EOF". */
  private static String problem(Throwable failure) {
    String message = failure.getClass().getSimpleName();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  /**
   * On the rate sweeper's thread: cuts the body off (408) if it is past its deadline at {@code
   * now}.
   */
  void checkRate(long now) {
    long got = received;
    if (future.isDone()) {
      rate.unwatch(this);
    } else if (now >= rate.deadline(started, got)) {
      fail(new RequestTimeoutException(rate.describe(got, contentLength, now - started)));
    }
  }

  static PayloadTooLargeException tooLarge(String size, long limit) {
    return new PayloadTooLargeException(
        "request body of "
            + size
            + " is over the limit of "
            + limit
            + " bytes ("
            + (limit >> 20)
            + " MB); send fewer records per request (MaxPayloadInMB) or raise the limit with "
            + "SAGEMAKER_MAX_PAYLOAD_IN_MB, BATCHSERVE_MAX_REQUEST_MB or --max-request-mb");
  }
}
