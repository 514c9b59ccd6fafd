package io.batchserve.transform.source;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local store and, created on first use, one S3 client (default credential chain; an endpoint URL and
 * path-style addressing for S3-compatible stores). Thread-safe.
 */
public final class Stores implements AutoCloseable {
  private final Store local = new LocalStore();
  private final S3Settings settings;
  private S3Client client; // guarded by this
  private Store s3; // guarded by this

  public Stores(S3Settings settings) {
    this.settings = settings;
  }

  /** How to reach S3 (endpoint and region may be null for the SDK's defaults) and how to upload large outputs. */
  public record S3Settings(URI endpoint, boolean pathStyle, String region, Multipart multipart) {
    public S3Settings(URI endpoint, boolean pathStyle, String region) {
      this(endpoint, pathStyle, region, Multipart.DEFAULT);
    }
  }

  public Store of(Location location) {
    return location.isS3() ? s3() : local;
  }

  private synchronized Store s3() {
    if (s3 == null) {
      var builder = S3Client.builder().credentialsProvider(DefaultCredentialsProvider.builder().build())
          .region(region()).forcePathStyle(settings.pathStyle() || settings.endpoint() != null);
      if (settings.endpoint() != null) {
        builder.endpointOverride(settings.endpoint());
      }
      client = builder.build();
      s3 = new S3Store(client, settings.multipart());
    }
    return s3;
  }

  private Region region() {
    if (settings.region() != null) {
      return Region.of(settings.region());
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (RuntimeException e) {
      return Region.US_EAST_1;
    }
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
