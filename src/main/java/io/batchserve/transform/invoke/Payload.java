package io.batchserve.transform.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.function.Supplier;

/**
 * A request body: packed records with a known length, or a stream sent with chunked transfer
 * encoding.
 */
public interface Payload {
  /** A fresh publisher for each attempt. */
  HttpRequest.BodyPublisher publisher();

  /** Records in the request. */
  int records();

  /** Bytes in the request, or -1 when streamed. */
  long bytes();

  /**
   * Packed records; {@code chunked} sends them with chunked transfer encoding instead of a
   * Content-Length.
   */
  static Payload of(byte[] body, int records, boolean chunked) {
    return new Payload() {
      @Override
      public HttpRequest.BodyPublisher publisher() {
        HttpRequest.BodyPublisher whole = HttpRequest.BodyPublishers.ofByteArray(body);
        return chunked ? HttpRequest.BodyPublishers.fromPublisher(whole) : whole;
      }

      @Override
      public int records() {
        return records;
      }

      @Override
      public long bytes() {
        return body.length;
      }
    };
  }

  /**
   * A body streamed from a source that can be opened again for a retry (chunked: MaxPayloadInMB 0).
   */
  static Payload streamed(Supplier<InputStream> source, int records) {
    return new Payload() {
      @Override
      public HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofInputStream(source);
      }

      @Override
      public int records() {
        return records;
      }

      @Override
      public long bytes() {
        return -1;
      }
    };
  }

  /** Opens a stream or fails unchecked, for suppliers. */
  interface Opener {
    InputStream open() throws IOException;

    static Supplier<InputStream> unchecked(Opener opener) {
      return () -> {
        try {
          return opener.open();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
    }
  }
}
