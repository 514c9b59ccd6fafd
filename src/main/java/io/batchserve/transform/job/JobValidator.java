package io.batchserve.transform.job;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.batchserve.codec.MediaType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks the service makes on a CreateTransformJob request (constraints of the API reference and the
 * DataProcessing guide). Each problem names the field and the value.
 */
final class JobValidator {
  static final int MAX_ENVIRONMENT_ENTRIES = 16;
  static final int MAX_FILTER_LENGTH = 63;
  private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
  private static final Pattern MODEL_NAME = Pattern.compile("[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?");
  private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,1023}");
  private static final Pattern S3_URI = Pattern.compile("(https|s3)://([^/]+)/?(.*)");
  private static final Set<MediaType> PROCESSABLE = Set.of(MediaType.CSV, MediaType.JSON, MediaType.JSON_LINES);

  private JobValidator() {}

  static void check(JobSpec job, List<String> problems) {
    Checks c = new Checks(problems);
    c.matches("TransformJobName", job.name(), JOB_NAME, 63);
    c.matches("ModelName", job.modelName(), MODEL_NAME, 63);
    c.range("MaxConcurrentTransforms", job.maxConcurrentTransforms(), 0, Integer.MAX_VALUE);
    c.range("MaxPayloadInMB", job.maxPayloadInMb(), 0, 100);
    if (job.maxConcurrentTransforms() != null && job.maxPayloadInMb() != null
        && (long) job.maxConcurrentTransforms() * job.maxPayloadInMb() > 100) {
      problems.add("MaxConcurrentTransforms x MaxPayloadInMB: " + job.maxConcurrentTransforms() + " x "
          + job.maxPayloadInMb() + " = " + job.maxConcurrentTransforms() * job.maxPayloadInMb()
          + " is over the limit of 100");
    }
    c.range("ModelClientConfig.InvocationsTimeoutInSeconds", job.invocationsTimeoutSeconds(), 1, 3600);
    c.range("ModelClientConfig.InvocationsMaxRetries", job.invocationsMaxRetries(), 0, 3);
    c.range("TransformResources.InstanceCount", job.instanceCount(), 1, 100);
    environment(job, problems);
    locations(job, c, problems);
    c.length("TransformInput.ContentType", job.contentType(), 256);
    c.length("TransformOutput.Accept", job.accept(), 256);
    filter("DataProcessing.InputFilter", job.inputFilter(), problems);
    filter("DataProcessing.OutputFilter", job.outputFilter(), problems);
    if (job.processesData()) {
      dataProcessing(job, problems);
    }
  }

  private static void environment(JobSpec job, List<String> problems) {
    if (job.environment().size() > MAX_ENVIRONMENT_ENTRIES) {
      problems.add("Environment: " + job.environment().size() + " entries is over the limit of "
          + MAX_ENVIRONMENT_ENTRIES + " " + job.environment().keySet());
    }
    job.environment().forEach((key, value) -> {
      if (!ENV_KEY.matcher(key).matches()) {
        problems.add("Environment: key '" + key + "' does not match [a-zA-Z_][a-zA-Z0-9_]{0,1023}");
      }
      if (value.length() > 10240) {
        problems.add("Environment." + key + ": value of " + value.length() + " characters is over 10240");
      }
    });
  }

  private static void locations(JobSpec job, Checks c, List<String> problems) {
    String in = "TransformInput.DataSource.S3DataSource.S3Uri";
    c.required(in, job.inputUri());
    c.required("TransformOutput.S3OutputPath", job.outputUri());
    for (String[] field : new String[][] {{in, job.inputUri()}, {"TransformOutput.S3OutputPath", job.outputUri()}}) {
      c.length(field[0], field[1], 1024);
      if (field[1] != null && field[1].matches("(?i)(s3|https)://.*") && !S3_URI.matcher(field[1]).matches()) {
        problems.add(field[0] + ": '" + field[1] + "' does not match (https|s3)://([^/]+)/?(.*)");
      }
    }
    if (job.dataType() == S3DataType.AugmentedManifestFile || job.dataType() == S3DataType.Converse) {
      problems.add("TransformInput.DataSource.S3DataSource.S3DataType: " + job.dataType()
          + " is not supported by Batch Transform (use S3Prefix or ManifestFile)");
    }
  }

  private static void filter(String field, String path, List<String> problems) {
    if (path.length() > MAX_FILTER_LENGTH) {
      problems.add(field + ": '" + path + "' is " + path.length() + " characters, over the limit of "
          + MAX_FILTER_LENGTH);
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
      problems.add("TransformInput.ContentType: must be set (text/csv, application/json or application/jsonlines) "
          + "when DataProcessing is used");
    }
    if (MediaType.CSV.equals(content)
        && (job.splitType() != SplitType.Line || job.assembleWith() != AssembleWith.Line)) {
      problems.add("DataProcessing with ContentType text/csv needs SplitType Line and AssembleWith Line, not "
          + "SplitType " + job.splitType() + " and AssembleWith " + job.assembleWith());
    }
    if (job.joinSource() == JoinSource.Input && content != null && accept != null
        && MediaType.CSV.equals(content) != MediaType.CSV.equals(accept)) {
      problems.add("DataProcessing.JoinSource: Input joins " + content + " input with " + accept
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
    problems.add(field + ": '" + value + "' cannot be used with DataProcessing (only text/csv, application/json and "
        + "application/jsonlines)");
    return null;
  }
}
