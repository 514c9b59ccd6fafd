package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.Cli;
import io.batchserve.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The harness's S3 input and output against moto's S3 (S3TransformTest covers the same API through
 * S3Proxy), as a user points any AWS tool at a simulator: by AWS_ENDPOINT_URL alone, with no
 * --endpoint-url flag.
 */
class MotoS3TransformTest {
  @TempDir Path dir;

  @Test
  void transform_s3InputAndOutputByEndpointVariable_matchesTheLocalRun() throws Exception {
    try (MotoServer moto = MotoServer.start(dir);
        S3Client s3 =
            S3Client.builder()
                .endpointOverride(moto.endpoint())
                .forcePathStyle(true)
                .region(Region.EU_WEST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testing", "testing")))
                .build()) {
      s3.createBucket(b -> b.bucket("batchserve-sim"));
      for (String file : List.of("customers-001.csv", "customers-002.csv")) {
        s3.putObject(
            b -> b.bucket("batchserve-sim").key("input/churn/" + file),
            RequestBody.fromFile(Path.of("test/data/churn", file)));
      }
      Map<String, String> env = new HashMap<>(MotoServer.ENV);
      env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
      Cli.Result remote =
          Cli.run(
              dir,
              env,
              List.of(
                  "transform",
                  "--job",
                  "test/jobs/churn.json",
                  "--model-dir",
                  "model/churn",
                  "--input",
                  "s3://batchserve-sim/input/churn/customers-",
                  "--output",
                  "s3://batchserve-sim/output/churn/",
                  "--progress",
                  "none"));
      assertEquals(0, remote.exit(), remote.toString());
      Cli.Result local =
          Cli.run(
              dir,
              List.of(
                  "transform",
                  "--job",
                  "test/jobs/churn.json",
                  "--model-dir",
                  "model/churn",
                  "--output",
                  dir.resolve("local").toString(),
                  "--progress",
                  "none"));
      assertEquals(0, local.exit(), local.toString());

      for (String file : List.of("customers-001.csv.out", "customers-002.csv.out")) {
        String fromS3 =
            s3.getObjectAsBytes(b -> b.bucket("batchserve-sim").key("output/churn/" + file))
                .asUtf8String();
        assertEquals(Files.readString(dir.resolve("local").resolve(file)), fromS3, file);
      }
      assertTrue(
          s3.getObjectAsBytes(b -> b.bucket("batchserve-sim").key("output/churn/job.json"))
              .asUtf8String()
              .contains("\"Completed\""));
    }
  }
}
