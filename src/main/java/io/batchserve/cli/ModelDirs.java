package io.batchserve.cli;

import io.batchserve.model.ModelArchive;
import io.batchserve.model.ModelLoadException;
import io.batchserve.transform.source.Location;
import io.batchserve.transform.source.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What {@code --model-dir} may name, resolved to a model directory: a folder as is; a {@code
 * model.tar.gz} (what SageMaker users have in hand, and what SDK local mode takes) unpacked into a
 * temporary folder exactly as SageMaker unpacks it into {@code /opt/ml/model}; or an {@code
 * s3://.../model.tar.gz} ModelDataUrl, downloaded (the AWS SDK's default credentials, {@code
 * --endpoint-url} for S3-compatible stores) and unpacked the same way.
 */
final class ModelDirs {
  private ModelDirs() {}

  static Path resolve(String value, Stores.S3Settings s3) throws ModelLoadException {
    if (value.regionMatches(true, 0, "s3://", 0, 5)) {
      return fromS3(value, s3);
    }
    Path path = Path.of(value);
    return Files.isRegularFile(path) ? ModelArchive.unpackToTemp(path) : path;
  }

  private static Path fromS3(String uri, Stores.S3Settings s3) throws ModelLoadException {
    Location location = Location.parse(uri);
    Path download = null;
    try (Stores stores = new Stores(s3)) {
      download = Files.createTempFile("batchserve-model-", ".tar.gz");
      try (InputStream in = stores.of(location).open(location.bucket(), location.prefix())) {
        Files.copy(in, download, StandardCopyOption.REPLACE_EXISTING);
      }
      return ModelArchive.unpackToTemp(download);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          uri + ": cannot download the model archive: " + e.getMessage(), e);
    } finally {
      if (download != null) {
        download.toFile().delete();
      }
    }
  }

  /** The name a model archive or folder gives ModelName when no job names it. */
  static String name(String value) {
    String base = value.replaceAll("/+$", "");
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.replaceAll("\\.(tar\\.gz|tgz|tar)$", "");
  }
}
