package io.batchserve.transform.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local store and, created on first use, one S3 client (default credential chain; an endpoint
 * URL and path-style addressing for S3-compatible stores). Thread-safe.
 */
public final class Stores implements AutoCloseable {
  private final Store local = new LocalStore();
  private final S3Settings settings;
  private S3Client client; // guarded by this
  private Store s3; // guarded by this

  public Stores(S3Settings settings) {
    this.settings = settings;
  }

  /**
   * How to reach S3 (endpoint and region may be null for the SDK's defaults) and how to upload
   * large outputs.
   */
  public record S3Settings(URI endpoint, boolean pathStyle, String region, Multipart multipart) {
    public S3Settings(URI endpoint, boolean pathStyle, String region) {
      this(endpoint, pathStyle, region, Multipart.DEFAULT);
    }

    /**
     * The settings a command line gives, completed as the AWS SDKs and CLI v2 read the environment:
     * without an endpoint flag, {@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL} (both
     * ignored when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is {@code true}). An endpoint from
     * anywhere means an S3-compatible store, addressed path-style. Credentials, {@code AWS_PROFILE}
     * and the region come from the SDK's default chains.
     *
     * @throws IllegalArgumentException naming the variable when its value is not an http(s) URL
     */
    public static S3Settings of(
        URI endpointFlag, boolean pathStyle, String region, Map<String, String> env) {
      URI endpoint = endpointFlag;
      if (endpoint == null
          && !"true".equalsIgnoreCase(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) {
        for (String name : new String[] {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
          String value = env.get(name);
          if (endpoint == null && value != null && !value.isBlank()) {
            endpoint = url(name, value.strip());
          }
        }
      }
      return new S3Settings(endpoint, pathStyle || endpoint != null, region);
    }

    private static URI url(String name, String value) {
      try {
        URI uri = new URI(value);
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + "='" + value + "' is not an http(s) URL");
    }
  }

  public Store of(Location location) {
    return location.isS3() ? s3() : local;
  }

  private synchronized Store s3() {
    if (s3 == null) {
      var builder =
          S3Client.builder()
              .credentialsProvider(DefaultCredentialsProvider.builder().build())
              .region(region())
              .forcePathStyle(settings.pathStyle() || settings.endpoint() != null);
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
