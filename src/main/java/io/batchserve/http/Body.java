package io.batchserve.http;

import io.batchserve.codec.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A request body read once into one array: sized from Content-Length when it is known (one copy, no growth), grown
 * by doubling for chunked bodies. Bodies over the limit are refused before (or while) reading; what the client is
 * still sending is read and dropped first, up to {@link #DRAIN_LIMIT} bytes, because closing the connection on a
 * client that is still writing resets it, and the client then sees a broken connection instead of the 413.
 */
record Body(byte[] bytes, int length) {
  static final long DRAIN_LIMIT = 128L << 20;

  static Body read(InputStream in, long contentLength, long limit) throws IOException {
    if (contentLength > limit) {
      drain(in);
      throw tooLarge(contentLength + " bytes", limit);
    }
    if (contentLength >= 0) {
      byte[] bytes = new byte[(int) contentLength];
      int n = in.readNBytes(bytes, 0, bytes.length);
      if (n < bytes.length) {
        throw new BadInputException("the request body ended after " + n + " of the " + contentLength
            + " bytes its Content-Length announced");
      }
      return new Body(bytes, n);
    }
    byte[] bytes = new byte[64 * 1024];
    int length = 0;
    while (true) {
      if (length == bytes.length) {
        if (length >= limit) {
          drain(in);
          throw tooLarge("more than " + limit + " bytes (chunked)", limit);
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(limit + 1, (long) bytes.length * 2));
      }
      int n = in.read(bytes, length, bytes.length - length);
      if (n < 0) {
        break;
      }
      length += n;
      if (length > limit) {
        drain(in);
        throw tooLarge("more than " + limit + " bytes (chunked)", limit);
      }
    }
    return new Body(bytes, length);
  }

  /** Reads and drops the rest of the body, up to {@link #DRAIN_LIMIT} bytes (then the connection is closed). */
  private static void drain(InputStream in) throws IOException {
    byte[] sink = new byte[64 * 1024];
    long left = DRAIN_LIMIT;
    for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
      left -= n;
    }
  }

  private static PayloadTooLargeException tooLarge(String size, long limit) {
    return new PayloadTooLargeException("request body of " + size + " is over the limit of " + limit + " bytes ("
        + (limit >> 20) + " MB); send fewer records per request (MaxPayloadInMB) or raise the limit with "
        + "SAGEMAKER_MAX_PAYLOAD_IN_MB, BATCHSERVE_MAX_REQUEST_MB or --max-request-mb");
  }
}
