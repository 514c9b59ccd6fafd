package io.batchserve.transform.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 through the AWS SDK v2. Listing uses ListObjectsV2 with the literal prefix. An output is one
 * PUT up to {@link Multipart#threshold()} and a multipart upload above it (a single PUT stops at 5
 * GB); either way the object appears whole or not at all.
 */
final class S3Store implements Store {
  private final S3Client s3;
  private final Multipart multipart;

  S3Store(S3Client s3, Multipart multipart) {
    this.s3 = s3;
    this.multipart = multipart;
  }

  @Override
  public List<Listed> list(String bucket, String prefix) throws IOException {
    List<Listed> found = new ArrayList<>();
    try {
      var request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
      for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
        if (!object.key().endsWith("/")) {
          found.add(new Listed(object.key(), object.size()));
        }
      }
    } catch (SdkException e) {
      throw new IOException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
    }
    return found;
  }

  @Override
  public InputStream open(String bucket, String key) throws IOException {
    try {
      return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
    } catch (SdkException e) {
      throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long size(String bucket, String key) throws IOException {
    try {
      return s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build())
          .contentLength();
    } catch (NoSuchKeyException e) {
      return -1;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return -1;
      }
      throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void publish(Path file, String bucket, String key) throws IOException {
    try {
      long size = Files.size(file);
      if (size > multipart.threshold()) {
        multipart.upload(s3, file, size, bucket, key);
      } else {
        s3.putObject(
            PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(file));
      }
    } catch (SdkException | UncheckedIOException e) {
      throw new IOException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }
}
