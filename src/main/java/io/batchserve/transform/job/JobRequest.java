package io.batchserve.transform.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CreateTransformJob request as a JSON tree: read from a {@code --cli-input-json} file (or
 * empty), overridden field by field with {@link #set}, checked against the API's shape and the
 * service's rules, then turned into a {@link JobSpec}. A file may also be what users have next to
 * them: the harness's job.json or {@code aws sagemaker describe-transform-job} output, whose
 * output-only members are dropped with a note. Not thread-safe.
 */
public final class JobRequest {
  /**
   * Members DescribeTransformJob (and job.json) add to a request; never part of CreateTransformJob.
   */
  static final List<String> OUTPUT_ONLY =
      List.of(
          "TransformJobArn",
          "TransformJobStatus",
          "FailureReason",
          "CreationTime",
          "TransformStartTime",
          "TransformEndTime",
          "LabelingJobArn",
          "AutoMLJobArn",
          "Harness",
          "ResponseMetadata");

  /** Where a local path may stand for an S3 URI (a note, or an error with {@code strict}). */
  private static final Set<String> LOCAL_PATHS =
      Set.of("TransformInput.DataSource.S3DataSource.S3Uri", "TransformOutput.S3OutputPath");

  private final ObjectNode root;
  private final List<String> notes = new ArrayList<>();

  private JobRequest(ObjectNode root) {
    this.root = root;
  }

  public static JobRequest empty() {
    return new JobRequest(Json.MAPPER.createObjectNode());
  }

  /** Reads a request file; the message of any failure names the file. */
  public static JobRequest read(Path file) {
    try {
      JsonNode node = Json.MAPPER.readTree(Files.readString(file));
      if (!(node instanceof ObjectNode object)) {
        throw new JobValidationException(
            List.of(file + ": a CreateTransformJob request must be a JSON object"));
      }
      JobRequest request = new JobRequest(object);
      List<String> dropped = OUTPUT_ONLY.stream().filter(object::has).toList();
      if (!dropped.isEmpty()) {
        object.remove(dropped);
        request.notes.add(
            file
                + ": ignoring "
                + String.join(", ", dropped)
                + " (output of DescribeTransformJob or "
                + "job.json, not part of a CreateTransformJob request)");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new JobValidationException(
          List.of(file + ": not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new JobValidationException(
          List.of(file + ": cannot read the job file: " + e.getMessage()));
    }
  }

  /**
   * Sets a field given by its dotted path, e.g. {@code TransformInput.SplitType}; null leaves it as
   * it is.
   */
  public JobRequest set(String path, Object value) {
    if (value == null) {
      return this;
    }
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], Json.MAPPER.valueToTree(value));
    return this;
  }

  /** Adds environment entries over the file's own. */
  public JobRequest putEnvironment(Map<String, String> entries) {
    if (!entries.isEmpty()) {
      JsonNode env = root.get("Environment");
      ObjectNode object = env instanceof ObjectNode o ? o : root.putObject("Environment");
      entries.forEach(object::put);
    }
    return this;
  }

  /** The request as it stands, for job.json. */
  public ObjectNode tree() {
    return root.deepCopy();
  }

  /** True when the request has a value at the dotted path. */
  public boolean has(String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return node != null && !node.isNull();
  }

  /**
   * What the harness would tell a user about the request without refusing it (local paths, ignored
   * members).
   */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** Adds a note (e.g. a member a local run filled in that the API requires). */
  public void note(String note) {
    notes.add(note);
  }

  /** Validates as {@link #toSpec(boolean)} does, allowing local paths. */
  public JobSpec toSpec() {
    return toSpec(false);
  }

  /**
   * Validates the request as the API would (its shape: required members, types, enums, lengths,
   * patterns, ranges) and as the service would (MaxConcurrentTransforms x MaxPayloadInMB,
   * DataProcessing rules), then builds the job; throws JobValidationException listing every
   * problem. A local path where an S3 URI belongs is a note, or with {@code strict} a problem.
   */
  public JobSpec toSpec(boolean strict) {
    List<String> problems = new ArrayList<>();
    List<String> shapeNotes = new ArrayList<>();
    new ShapeCheck(LOCAL_PATHS, strict, problems, shapeNotes)
        .check(root, CreateTransformJobShape.REQUEST, "");
    JobSpec spec = new JobSpecReader(root).read();
    JobValidator.check(spec, problems);
    if (!problems.isEmpty()) {
      throw new JobValidationException(problems.stream().distinct().toList());
    }
    shapeNotes.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
    return spec;
  }
}
