package io.batchserve.transform.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.config.BatchStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRequestTest {
  @TempDir
  Path dir;

  private static JobRequest valid() {
    return JobRequest.empty().set("TransformJobName", "job-1").set("ModelName", "churn")
        .set("TransformInput.DataSource.S3DataSource.S3Uri", "s3://bucket/in/")
        .set("TransformOutput.S3OutputPath", "s3://bucket/out/");
  }

  private static String problems(JobRequest request) {
    return String.join("\n", assertThrows(JobValidationException.class, request::toSpec).problems());
  }

  @Test
  void read_cliInputJson_givesEveryField() throws Exception {
    Path file = dir.resolve("job.json");
    Files.writeString(file, """
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
  void toSpec_envSpellingOfStrategy_isAccepted() {
    assertEquals(BatchStrategy.SINGLE_RECORD, valid().set("BatchStrategy", "SINGLE_RECORD").toSpec().batchStrategy());
  }

  @Test
  void toSpec_unknownField_isNamed() {
    String problems = problems(valid().set("TransformInput.Splittype", "Line"));
    assertTrue(problems.contains("TransformInput.Splittype: unknown field"), problems);
  }

  @Test
  void toSpec_outOfRange_namesFieldAndValue() {
    String problems = problems(valid().set("MaxPayloadInMB", 101)
        .set("ModelClientConfig.InvocationsTimeoutInSeconds", 0).set("ModelClientConfig.InvocationsMaxRetries", 4)
        .set("TransformResources.InstanceCount", 0).set("MaxConcurrentTransforms", -1));
    assertTrue(problems.contains("MaxPayloadInMB: 101 is outside 0..100"), problems);
    assertTrue(problems.contains("ModelClientConfig.InvocationsTimeoutInSeconds: 0 is outside 1..3600"), problems);
    assertTrue(problems.contains("ModelClientConfig.InvocationsMaxRetries: 4 is outside 0..3"), problems);
    assertTrue(problems.contains("TransformResources.InstanceCount: 0 is outside 1..100"), problems);
    assertTrue(problems.contains("MaxConcurrentTransforms: -1 is outside 0.."), problems);
  }

  @Test
  void toSpec_concurrencyTimesPayloadOver100_isRejected() {
    String problems = problems(valid().set("MaxConcurrentTransforms", 11).set("MaxPayloadInMB", 10));
    assertTrue(problems.contains("MaxConcurrentTransforms x MaxPayloadInMB: 11 x 10 = 110 is over the limit of 100"),
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
    assertTrue(problems.contains("Environment: 17 entries is over the limit of 16"), problems);
    assertTrue(problems(valid().putEnvironment(Map.of("1BAD", "v"))).contains("key '1BAD'"));
  }

  @Test
  void toSpec_longOrBrokenFilter_isRejected() {
    String longFilter = "$['" + "a".repeat(60) + "']";
    assertTrue(problems(valid().set("DataProcessing.InputFilter", longFilter))
        .contains("DataProcessing.InputFilter: '" + longFilter + "' is 65 characters, over the limit of 63"));
    assertTrue(problems(valid().set("DataProcessing.OutputFilter", "[0]")).contains("must start with $"));
    assertTrue(problems(valid().set("DataProcessing.OutputFilter", "$[0")).contains("is not a valid JSONPath"));
  }

  @Test
  void toSpec_dataProcessingContentTypes_areChecked() {
    String binary = problems(valid().set("DataProcessing.JoinSource", "Input")
        .set("TransformInput.ContentType", "application/x-recordio"));
    assertTrue(binary.contains("TransformInput.ContentType: 'application/x-recordio' cannot be used with "
        + "DataProcessing"), binary);
    String csv = problems(valid().set("DataProcessing.InputFilter", "$[1:]")
        .set("TransformInput.ContentType", "text/csv").set("TransformInput.SplitType", "None"));
    assertTrue(csv.contains("needs SplitType Line and AssembleWith Line, not SplitType None and AssembleWith None"),
        csv);
    String mixed = problems(valid().set("DataProcessing.JoinSource", "Input")
        .set("TransformInput.ContentType", "application/jsonlines").set("TransformOutput.Accept", "text/csv"));
    assertTrue(mixed.contains("Accept must be of the same kind as ContentType"), mixed);
  }

  @Test
  void toSpec_badEnumsAndTypes_areNamed() {
    String problems = problems(valid().set("TransformInput.SplitType", "Lines").set("MaxPayloadInMB", "six")
        .set("TransformInput.DataSource.S3DataSource.S3DataType", "AugmentedManifestFile"));
    assertTrue(problems.contains("TransformInput.SplitType: 'Lines' is not one of None, Line, RecordIO, "
        + "TFRecord"), problems);
    assertTrue(problems.contains("MaxPayloadInMB: \"six\" is not an integer"), problems);
    assertTrue(problems.contains("AugmentedManifestFile is not supported"), problems);
  }

  @Test
  void toSpec_missingLocationsAndBadNames_areRequired() {
    String problems = problems(JobRequest.empty().set("TransformJobName", "bad_name").set("ModelName", "m"));
    assertTrue(problems.contains("TransformInput.DataSource.S3DataSource.S3Uri: is required"), problems);
    assertTrue(problems.contains("TransformOutput.S3OutputPath: is required"), problems);
    assertTrue(problems.contains("TransformJobName: 'bad_name' must be 1-63 characters"), problems);
  }
}
