package io.batchserve.transform.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.codec.Snippet;
import io.batchserve.transform.job.S3DataType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a job's input objects. S3Prefix: every object whose key starts with the literal prefix (so
 * {@code s3://b/data/part} also takes {@code data/partition/...}); see {@link #relative} for the
 * relative key. ManifestFile: the objects the manifest lists, {@code [{"prefix": "s3://b/p/"},
 * "rel/a", ...]}, each relative key being its manifest entry.
 */
public final class Inputs {
  private Inputs() {}

  public static List<InputObject> list(String uri, S3DataType type, Stores stores)
      throws IOException {
    Location location = Location.parse(uri);
    Store store = stores.of(location);
    if (type == S3DataType.ManifestFile) {
      return manifest(location, store, stores);
    }
    List<InputObject> objects = new ArrayList<>();
    for (Store.Listed listed : store.list(location.bucket(), location.prefix())) {
      objects.add(
          new InputObject(
              store,
              location,
              listed.key(),
              relative(location.prefix(), listed.key()),
              listed.size(),
              listed.problem()));
    }
    return objects;
  }

  /**
   * The key relative to the prefix: what follows the prefix when the prefix ends at a "/" boundary
   * (the service's documented examples), else what follows the prefix's last "/" (so prefix {@code
   * in/customers-} keeps the whole name {@code customers-001.csv}), or the base name when the
   * prefix is the whole key.
   */
  static String relative(String prefix, String key) {
    String rest = key.substring(prefix.length());
    if (rest.isEmpty()) {
      return key.substring(key.lastIndexOf('/') + 1);
    }
    if (!prefix.isEmpty() && !prefix.endsWith("/") && !rest.startsWith("/")) {
      return key.substring(prefix.lastIndexOf('/') + 1);
    }
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    return rest;
  }

  private static List<InputObject> manifest(Location location, Store store, Stores stores)
      throws IOException {
    JsonNode root;
    try (InputStream in = store.open(location.bucket(), location.prefix())) {
      root = Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IOException("manifest " + location + ": " + e.getMessage(), e);
    }
    if (!root.isArray() || root.isEmpty() || !root.get(0).path("prefix").isTextual()) {
      throw new IOException(
          "manifest "
              + location
              + ": expected [{\"prefix\": \"s3://bucket/prefix/\"}, "
              + "\"relative/key\", ...]");
    }
    Location base = Location.parse(root.get(0).get("prefix").asText());
    Store objects = stores.of(base);
    List<InputObject> result = new ArrayList<>();
    for (int i = 1; i < root.size(); i++) {
      if (!root.get(i).isTextual()) {
        throw new IOException(
            "manifest " + location + ": entry " + i + " is not a string: " + root.get(i));
      }
      String relative = root.get(i).asText();
      String key = base.prefix() + relative;
      String problem = base.isS3() ? null : Containment.localProblem(relative);
      if (problem != null) {
        result.add(
            refused(
                objects,
                base,
                relative,
                problem + ": it would be read from outside the manifest's prefix " + base));
        continue;
      }
      if (!base.isS3()) {
        Path folder =
            Path.of(base.prefix().endsWith("/") ? base.prefix() : base.child("..")).normalize();
        Path file = Path.of(key);
        if (Files.exists(folder) && Containment.linked(folder, file)) {
          String link =
              Containment.linkProblem(Containment.realPrefix(folder, base.prefix()), file);
          if (link != null) {
            result.add(refused(objects, base, relative, link));
            continue;
          }
        }
      }
      long size = objects.size(base.bucket(), key);
      if (size < 0) {
        throw new IOException(
            "manifest " + location + ": " + base.display(key) + " does not exist");
      }
      result.add(new InputObject(objects, base, key, relative, size, null));
    }
    return result;
  }

  /** A manifest entry that is listed but not read, saying why. */
  private static InputObject refused(Store objects, Location base, String relative, String why) {
    return new InputObject(
        objects,
        base,
        base.prefix() + relative,
        relative,
        0,
        "manifest entry '" + Snippet.text(relative) + "' " + why + "; not read");
  }
}
