package io.batchserve.transform.job;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.batchserve.codec.MediaType;
import io.batchserve.config.SageMakerLimits;
import java.util.List;
import java.util.Set;

/**
 * The service's own rules on a CreateTransformJob request, beyond its shape ({@link
 * CreateTransformJobShape}): the payload limit, {@code MaxConcurrentTransforms x MaxPayloadInMB <=
 * 100}, the data types Batch Transform reads, JSONPath filters, and what DataProcessing needs (from
 * the API reference and the DataProcessing guide). Each problem names the field and the value.
 */
final class JobValidator {
  private static final Set<MediaType> PROCESSABLE =
      Set.of(MediaType.CSV, MediaType.JSON, MediaType.JSON_LINES);

  private JobValidator() {}

  static void check(JobSpec job, List<String> problems) {
    if (job.maxPayloadInMb() != null && job.maxPayloadInMb() > SageMakerLimits.MAX_PAYLOAD_MB) {
      problems.add(
          "MaxPayloadInMB: "
              + job.maxPayloadInMb()
              + " is over the limit of "
              + SageMakerLimits.MAX_PAYLOAD_MB);
    }
    if (job.maxConcurrentTransforms() != null
        && job.maxPayloadInMb() != null
        && !SageMakerLimits.concurrentPayloadAllowed(
            job.maxConcurrentTransforms(), job.maxPayloadInMb())) {
      problems.add(
          "MaxConcurrentTransforms x MaxPayloadInMB: "
              + job.maxConcurrentTransforms()
              + " x "
              + job.maxPayloadInMb()
              + " = "
              + (long) job.maxConcurrentTransforms() * job.maxPayloadInMb()
              + " is over the limit of "
              + SageMakerLimits.MAX_CONCURRENT_PAYLOAD_MB);
    }
    if (job.dataType() == S3DataType.AugmentedManifestFile
        || job.dataType() == S3DataType.Converse) {
      problems.add(
          "TransformInput.DataSource.S3DataSource.S3DataType: "
              + job.dataType()
              + " is not supported by Batch Transform (use S3Prefix or ManifestFile)");
    }
    filter("DataProcessing.InputFilter", job.inputFilter(), problems);
    filter("DataProcessing.OutputFilter", job.outputFilter(), problems);
    if (job.processesData()) {
      dataProcessing(job, problems);
    }
  }

  private static void filter(String field, String path, List<String> problems) {
    if (path.length() > 63) {
      return; // the shape reports it
    } else if (!path.startsWith("$")) {
      problems.add(field + ": '" + path + "' must start with $ (the root)");
    } else {
      try {
        JsonPath.compile(path);
      } catch (InvalidPathException e) {
        problems.add(field + ": '" + path + "' is not a valid JSONPath: " + e.getMessage());
      }
    }
  }

  private static void dataProcessing(JobSpec job, List<String> problems) {
    MediaType content = mediaType("TransformInput.ContentType", job.contentType(), problems);
    MediaType accept = mediaType("TransformOutput.Accept", job.accept(), problems);
    if (content == null && job.contentType() == null) {
      problems.add(
          "TransformInput.ContentType: must be set (text/csv, application/json or"
              + " application/jsonlines) when DataProcessing is used");
    }
    if (MediaType.CSV.equals(content)
        && (job.splitType() != SplitType.Line || job.assembleWith() != AssembleWith.Line)) {
      problems.add(
          "DataProcessing with ContentType text/csv needs SplitType Line and AssembleWith Line, not"
              + " SplitType "
              + job.splitType()
              + " and AssembleWith "
              + job.assembleWith());
    }
    if (job.joinSource() == JoinSource.Input
        && content != null
        && accept != null
        && MediaType.CSV.equals(content) != MediaType.CSV.equals(accept)) {
      problems.add(
          "DataProcessing.JoinSource: Input joins "
              + content
              + " input with "
              + accept
              + " output; Accept must be of the same kind as ContentType");
    }
  }

  private static MediaType mediaType(String field, String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    try {
      MediaType type = MediaType.parse(value);
      if (PROCESSABLE.contains(type)) {
        return type;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(
        field
            + ": '"
            + value
            + "' cannot be used with DataProcessing (only text/csv, application/json and "
            + "application/jsonlines)");
    return null;
  }
}
