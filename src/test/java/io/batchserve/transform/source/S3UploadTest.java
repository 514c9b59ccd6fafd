package io.batchserve.transform.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.LocalS3;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Large outputs as multipart uploads, against S3Proxy: parts of the configured size, a part that
 * fails now and then is retried, and an upload that cannot finish is aborted, leaving no parts and
 * no object.
 */
class S3UploadTest {
  private static final Multipart SMALL_PARTS = new Multipart(5L << 20, 5L << 20);
  @TempDir Path dir;
  private final AtomicInteger partFailures = new AtomicInteger();
  private final AtomicInteger aborts = new AtomicInteger();
  private volatile int failPart;
  private LocalS3 local;
  private S3Client s3;
  private URI endpoint;

  @BeforeEach
  void startS3() throws Exception {
    local = LocalS3.start(new FlakyParts());
    endpoint = local.endpoint();
    s3 = local.client();
    s3.createBucket(b -> b.bucket("out"));
  }

  @AfterEach
  void stopS3() throws Exception {
    local.close();
  }

  /**
   * Fails part {@code failPart} of every upload: the first time only when positive, always when
   * negative.
   */
  private final class FlakyParts extends ForwardingBlobStore {
    FlakyParts() {
      super(new TransientNio2BlobStore());
    }

    @Override
    public UploadPartResponse uploadMultipartPart(
        MultipartUpload upload, UploadPartRequest request, InputStream in) {
      int fail = failPart;
      if (request.partNumber() == Math.abs(fail) && (fail < 0 || partFailures.get() == 0)) {
        partFailures.incrementAndGet();
        throw new IllegalStateException("part " + request.partNumber() + " lost on purpose");
      }
      return super.uploadMultipartPart(upload, request, in);
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
      aborts.incrementAndGet();
      super.abortMultipartUpload(upload);
    }
  }

  private Path file(int megabytes) throws Exception {
    byte[] bytes = new byte[megabytes << 20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return Files.write(dir.resolve("big.out"), bytes);
  }

  @Test
  void publish_largeFileWithAPartLostOnce_isRetriedAndArrivesWhole() throws Exception {
    failPart = 2;
    Path file = file(12);
    try (Stores stores =
        new Stores(new Stores.S3Settings(endpoint, true, "us-east-1", SMALL_PARTS))) {
      stores.of(Location.parse("s3://out/x/")).publish(file, "out", "x/big.out");
    }
    assertEquals(1, partFailures.get(), "part 2 failed once");
    byte[] back = s3.getObjectAsBytes(b -> b.bucket("out").key("x/big.out")).asByteArray();
    assertTrue(
        Arrays.equals(Files.readAllBytes(file), back), "the object is the file, byte for byte");
    String etag = s3.headObject(b -> b.bucket("out").key("x/big.out")).eTag();
    assertTrue(etag.endsWith("-3\"") || etag.endsWith("-3"), "three parts of 5 MiB: " + etag);
  }

  @Test
  void publish_partAlwaysFails_abortsAndLeavesNothing() throws Exception {
    failPart = -2;
    Path file = file(12);
    try (Stores stores =
        new Stores(new Stores.S3Settings(endpoint, true, "us-east-1", SMALL_PARTS))) {
      var e =
          assertThrows(
              IOException.class,
              () -> stores.of(Location.parse("s3://out/x/")).publish(file, "out", "x/big.out"));
      assertTrue(e.getMessage().startsWith("cannot write s3://out/x/big.out: "), e.getMessage());
    }
    assertTrue(
        partFailures.get() >= 2, "the part was retried before giving up: " + partFailures.get());
    assertEquals(1, aborts.get(), "the upload was aborted");
    assertEquals(List.of(), s3.listMultipartUploads(b -> b.bucket("out")).uploads());
    assertEquals(List.of(), s3.listObjectsV2(b -> b.bucket("out")).contents());
  }
}
