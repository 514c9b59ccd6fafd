package io.batchserve.transform.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * How large outputs go to S3: files over {@code threshold} bytes as a multipart upload of {@code
 * partSize}-byte parts (grown when the file would need more than S3's 10,000 parts), uploaded one
 * after another, each read from its place in the file (so the SDK can retry a part). A failed
 * upload is aborted, so no parts are left behind to be billed, and the object never appears
 * half-written.
 */
public record Multipart(long threshold, long partSize) {
  /**
   * S3's limits: parts of at least 5 MiB (but the last), at most 10,000 of them, a single PUT of at
   * most 5 GiB.
   */
  static final long MIN_PART = 5L << 20;

  static final int MAX_PARTS = 10_000;
  static final long MAX_PUT = 5L << 30;

  /** 100 MiB and above in 64 MiB parts: few requests, and far from the 5 GiB single-PUT limit. */
  public static final Multipart DEFAULT = new Multipart(100L << 20, 64L << 20);

  public Multipart {
    if (partSize < MIN_PART) {
      throw new IllegalArgumentException(
          "multipart part size " + partSize + " is under S3's minimum of " + MIN_PART);
    }
    if (threshold < partSize || threshold > MAX_PUT) {
      throw new IllegalArgumentException(
          "multipart threshold "
              + threshold
              + " must be between the part size "
              + partSize
              + " and S3's single-PUT limit of "
              + MAX_PUT);
    }
  }

  /**
   * The part size for a file of {@code size} bytes: at least {@code partSize}, and few enough parts
   * for S3.
   */
  long partSizeFor(long size) {
    long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
    return Math.max(partSize, needed);
  }

  void upload(S3Client s3, Path file, long size, String bucket, String key) {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = uploadParts(s3, file, size, bucket, key, uploadId);
      s3.completeMultipartUpload(
          b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) { // SdkException, or UncheckedIOException from reading the file
      abort(s3, bucket, key, uploadId, e);
      throw e;
    }
  }

  private List<CompletedPart> uploadParts(
      S3Client s3, Path file, long size, String bucket, String key, String uploadId) {
    long part = partSizeFor(size);
    List<CompletedPart> parts = new ArrayList<>();
    for (long offset = 0; offset < size; offset += part) {
      long from = offset;
      long length = Math.min(part, size - offset);
      int number = parts.size() + 1;
      // A provider, not a stream: the SDK asks for a fresh stream on every attempt, so a part can
      // be retried.
      RequestBody body =
          RequestBody.fromContentProvider(
              () -> slice(file, from, length), length, "application/octet-stream");
      String etag =
          s3.uploadPart(
                  b ->
                      b.bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(number)
                          .contentLength(length),
                  body)
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    return parts;
  }

  private static InputStream slice(Path file, long from, long length) {
    try {
      SeekableByteChannel channel = Files.newByteChannel(file).position(from);
      return new Bounded(Channels.newInputStream(channel), length);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + " at " + from + ": " + e.getMessage(), e);
    }
  }

  private static void abort(
      S3Client s3, String bucket, String key, String uploadId, Exception cause) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      cause.addSuppressed(e);
    }
  }

  /** The next {@code length} bytes of a stream; closing it closes the stream. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
