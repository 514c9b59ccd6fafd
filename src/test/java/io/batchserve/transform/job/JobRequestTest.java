package io.batchserve.transform.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.batchserve.config.BatchStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRequestTest {
  @TempDir Path dir;

  private static JobRequest valid() {
    return JobRequest.empty()
        .set("TransformJobName", "job-1")
        .set("ModelName", "churn")
        .set("TransformInput.DataSource.S3DataSource.S3DataType", "S3Prefix")
        .set("TransformInput.DataSource.S3DataSource.S3Uri", "s3://bucket/in/")
        .set("TransformOutput.S3OutputPath", "s3://bucket/out/")
        .set("TransformResources.InstanceType", "ml.m5.xlarge")
        .set("TransformResources.InstanceCount", 1);
  }

  private static String problems(JobRequest request) {
    return String.join(
        "\n", assertThrows(JobValidationException.class, request::toSpec).problems());
  }

  @Test
  void read_cliInputJson_givesEveryField() throws Exception {
    Path file = dir.resolve("job.json");
    Files.writeString(
        file,
        """
        {"TransformJobName": "nightly", "ModelName": "churn", "MaxConcurrentTransforms": 2,
         "MaxPayloadInMB": 6, "BatchStrategy": "MultiRecord",
         "ModelClientConfig": {"InvocationsTimeoutInSeconds": 60, "InvocationsMaxRetries": 1},
         "Environment": {"A": "1"},
         "TransformInput": {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in"}},
                            "ContentType": "text/csv", "CompressionType": "Gzip", "SplitType": "Line"},
         "TransformOutput": {"S3OutputPath": "s3://b/out", "Accept": "text/csv", "AssembleWith": "Line",
                             "KmsKeyId": "k"},
         "TransformResources": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 2},
         "DataProcessing": {"InputFilter": "$[1:]", "JoinSource": "Input", "OutputFilter": "$"},
         "Tags": [{"Key": "team", "Value": "ml"}]}
        """);
    JobSpec spec = JobRequest.read(file).set("MaxConcurrentTransforms", 4).toSpec();
    assertEquals("nightly", spec.name());
    assertEquals(4, spec.maxConcurrentTransforms(), "a flag overrides the file");
    assertEquals(BatchStrategy.MULTI_RECORD, spec.batchStrategy());
    assertEquals(60, spec.invocationsTimeoutSeconds());
    assertEquals(1, spec.invocationsMaxRetries());
    assertEquals(CompressionType.Gzip, spec.compression());
    assertEquals(SplitType.Line, spec.splitType());
    assertEquals(2, spec.instanceCount());
    assertEquals(JoinSource.Input, spec.joinSource());
    assertEquals(Map.of("A", "1"), spec.environment());
  }

  @Test
  void toSpec_defaults_areTheServiceDefaults() {
    JobSpec spec = valid().toSpec();
    assertNull(spec.maxConcurrentTransforms());
    assertNull(spec.maxPayloadInMb());
    assertNull(spec.batchStrategy());
    assertEquals(600, spec.invocationsTimeoutSeconds());
    assertEquals(3, spec.invocationsMaxRetries());
    assertEquals(SplitType.None, spec.splitType());
    assertEquals(AssembleWith.None, spec.assembleWith());
    assertEquals(S3DataType.S3Prefix, spec.dataType());
    assertEquals("$", spec.inputFilter());
  }

  @Test
  void toSpec_enumInAnotherCase_isRefusedAsTheApiDoes() {
    assertEquals(
        BatchStrategy.SINGLE_RECORD,
        valid().set("BatchStrategy", "SingleRecord").toSpec().batchStrategy());
    String problems =
        problems(
            valid().set("BatchStrategy", "SINGLE_RECORD").set("TransformInput.SplitType", "line"));
    assertTrue(
        problems.contains(
            "BatchStrategy: 'SINGLE_RECORD' is not a valid value (did you mean SingleRecord? "
                + "values are case-sensitive)"),
        problems);
    assertTrue(
        problems.contains(
            "TransformInput.SplitType: 'line' is not a valid value (did you mean Line?"),
        problems);
  }

  @Test
  void toSpec_instanceTypeTypo_suggestsTheType() {
    String problems = problems(valid().set("TransformResources.InstanceType", "ml.m5.xlarg"));
    assertTrue(
        problems.contains(
            "TransformResources.InstanceType: 'ml.m5.xlarg' is not a valid value (did you mean "
                + "ml.m5.xlarge?"),
        problems);
  }

  @Test
  void toSpec_integerAsString_isRefused() {
    String problems = problems(valid().set("MaxConcurrentTransforms", "2"));
    assertTrue(
        problems.contains("MaxConcurrentTransforms: \"2\" is a string; expected an integer"),
        problems);
  }

  @Test
  void toSpec_localPath_isANoteOrWithStrictAProblem() {
    JobRequest local = valid().set("TransformInput.DataSource.S3DataSource.S3Uri", "data/in/");
    local.toSpec();
    assertEquals(
        List.of(
            "TransformInput.DataSource.S3DataSource.S3Uri: 'data/in/' is a local path; the real job"
                + " needs an s3:// URI"),
        local.notes());
    String strict =
        String.join(
            "\n", assertThrows(JobValidationException.class, () -> local.toSpec(true)).problems());
    assertTrue(
        strict.contains(
            "'data/in/' is a local path; the real job needs an s3:// URI (the real API refuses "
                + "it)"),
        strict);
    assertTrue(
        problems(valid().set("TransformOutput.S3OutputPath", "gs://b/out"))
            .contains(
                "TransformOutput.S3OutputPath: 'gs://b/out' does not match"
                    + " (https|s3)://([^/]+)/?(.*)"));
  }

  @Test
  void read_describeOutputOrJobJson_dropsOutputOnlyMembersWithANote() throws Exception {
    Path file = dir.resolve("described.json");
    Files.writeString(
        file,
        valid()
            .tree()
            .put("TransformJobArn", "arn:aws:sagemaker:us-east-1:1:transform-job/j")
            .put("TransformJobStatus", "Completed")
            .put("CreationTime", "2026-12-01T00:00:00Z")
            .set("Harness", JsonNodeFactory.instance.objectNode())
            .toString());
    JobRequest request = JobRequest.read(file);
    request.toSpec();
    assertEquals(
        List.of(
            file
                + ": ignoring TransformJobArn, TransformJobStatus, CreationTime, Harness (output of"
                + " DescribeTransformJob or job.json, not part of a CreateTransformJob request)"),
        request.notes());
  }

  @Test
  void toSpec_unknownField_isNamed() {
    String problems = problems(valid().set("TransformInput.Splittype", "Line"));
    assertTrue(
        problems.contains(
            "TransformInput.Splittype: unknown parameter; TransformInput takes CompressionType, "
                + "ContentType, DataSource, SplitType"),
        problems);
  }

  @Test
  void toSpec_outOfRange_namesFieldAndValue() {
    String problems =
        problems(
            valid()
                .set("MaxPayloadInMB", 101)
                .set("ModelClientConfig.InvocationsTimeoutInSeconds", 0)
                .set("ModelClientConfig.InvocationsMaxRetries", 4)
                .set("TransformResources.InstanceCount", 0)
                .set("MaxConcurrentTransforms", -1));
    assertTrue(problems.contains("MaxPayloadInMB: 101 is over the limit of 100"), problems);
    assertTrue(
        problems.contains(
            "ModelClientConfig.InvocationsTimeoutInSeconds: 0 is out of range; it must be 1 to "
                + "3600"),
        problems);
    assertTrue(
        problems.contains(
            "ModelClientConfig.InvocationsMaxRetries: 4 is out of range; it must be 0 to 3"),
        problems);
    assertTrue(
        problems.contains(
            "TransformResources.InstanceCount: 0 is out of range; it must be at least 1"),
        problems);
    assertTrue(
        problems.contains("MaxConcurrentTransforms: -1 is out of range; it must be at least 0"),
        problems);
  }

  @Test
  void toSpec_concurrencyTimesPayloadOver100_isRejected() {
    String problems =
        problems(valid().set("MaxConcurrentTransforms", 11).set("MaxPayloadInMB", 10));
    assertTrue(
        problems.contains(
            "MaxConcurrentTransforms x MaxPayloadInMB: 11 x 10 = 110 is over the limit of 100"),
        problems);
    valid().set("MaxConcurrentTransforms", 10).set("MaxPayloadInMB", 10).toSpec();
  }

  @Test
  void toSpec_seventeenEnvironmentEntries_isRejected() {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < 17; i++) {
      env.put("K" + i, "v");
    }
    String problems = problems(valid().putEnvironment(env));
    assertTrue(problems.contains("Environment: 17 entries; at most 16 are allowed"), problems);
    assertTrue(problems(valid().putEnvironment(Map.of("1BAD", "v"))).contains("key '1BAD'"));
  }

  @Test
  void toSpec_longOrBrokenFilter_isRejected() {
    String longFilter = "$['" + "a".repeat(60) + "']";
    assertTrue(
        problems(valid().set("DataProcessing.InputFilter", longFilter))
            .contains(
                "DataProcessing.InputFilter: '"
                    + longFilter
                    + "' is 65 characters; it must be at most 63"));
    assertTrue(
        problems(valid().set("DataProcessing.OutputFilter", "[0]")).contains("must start with $"));
    assertTrue(
        problems(valid().set("DataProcessing.OutputFilter", "$[0"))
            .contains("is not a valid JSONPath"));
  }

  @Test
  void toSpec_dataProcessingContentTypes_areChecked() {
    String binary =
        problems(
            valid()
                .set("DataProcessing.JoinSource", "Input")
                .set("TransformInput.ContentType", "application/x-recordio"));
    assertTrue(
        binary.contains(
            "TransformInput.ContentType: 'application/x-recordio' cannot be used with "
                + "DataProcessing"),
        binary);
    String csv =
        problems(
            valid()
                .set("DataProcessing.InputFilter", "$[1:]")
                .set("TransformInput.ContentType", "text/csv")
                .set("TransformInput.SplitType", "None"));
    assertTrue(
        csv.contains(
            "needs SplitType Line and AssembleWith Line, not SplitType None and AssembleWith None"),
        csv);
    String mixed =
        problems(
            valid()
                .set("DataProcessing.JoinSource", "Input")
                .set("TransformInput.ContentType", "application/jsonlines")
                .set("TransformOutput.Accept", "text/csv"));
    assertTrue(mixed.contains("Accept must be of the same kind as ContentType"), mixed);
  }

  @Test
  void toSpec_badEnumsAndTypes_areNamed() {
    String problems =
        problems(
            valid()
                .set("TransformInput.SplitType", "Lines")
                .set("MaxPayloadInMB", "six")
                .set("TransformInput.DataSource.S3DataSource.S3DataType", "AugmentedManifestFile"));
    assertTrue(
        problems.contains(
            "TransformInput.SplitType: 'Lines' is not a valid value (did you mean Line?"),
        problems);
    assertTrue(
        problems.contains("MaxPayloadInMB: \"six\" is a string; expected an integer"), problems);
    assertTrue(problems.contains("AugmentedManifestFile is not supported"), problems);
  }

  @Test
  void toSpec_missingLocationsAndBadNames_areRequired() {
    String problems =
        problems(JobRequest.empty().set("TransformJobName", "bad_name").set("ModelName", "m"));
    assertTrue(problems.contains("TransformInput: missing; the API requires it"), problems);
    assertTrue(problems.contains("TransformOutput: missing; the API requires it"), problems);
    assertTrue(problems.contains("TransformResources: missing; the API requires it"), problems);
    assertTrue(
        problems.contains(
            "TransformJobName: 'bad_name' does not match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"),
        problems);
    String nested =
        problems(
            valid()
                .set(
                    "TransformInput.DataSource.S3DataSource",
                    JsonNodeFactory.instance.objectNode()));
    assertTrue(
        nested.contains(
            "TransformInput.DataSource.S3DataSource.S3DataType: missing; the API requires it"),
        nested);
  }
}
