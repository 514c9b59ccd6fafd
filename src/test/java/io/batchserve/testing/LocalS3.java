package io.batchserve.testing;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real S3 API on loopback: an embedded S3Proxy over an in-memory store (or any store a test
 * wraps), and an SDK client for the test's own setup and checks. The harness under test finds its
 * credentials in the {@code aws.*} system properties set here (S3Proxy checks none).
 */
public final class LocalS3 implements AutoCloseable {
  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client client;

  private LocalS3(S3Proxy proxy, URI endpoint, S3Client client) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.client = client;
  }

  public static LocalS3 start() throws Exception {
    return start(new TransientNio2BlobStore());
  }

  public static LocalS3 start(BlobStore store) throws Exception {
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    S3Client client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    return new LocalS3(proxy, endpoint, client);
  }

  public URI endpoint() {
    return endpoint;
  }

  public S3Client client() {
    return client;
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
  }
}
