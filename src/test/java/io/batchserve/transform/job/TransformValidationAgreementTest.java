package io.batchserve.transform.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.cli.Main;
import io.batchserve.codec.Json;
import io.batchserve.testing.Pythons;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness refuses exactly what the real API refuses: each variation of the churn job template
 * goes through {@code transform --validate-only} and through botocore's SageMaker model ({@code
 * test/validation/ botocore_verdicts.py}: botocore's parameter validation plus the model's enum,
 * pattern, length and range constraints and the API reference's transform rules), and both verdicts
 * must agree. Skips with a message where no Python with botocore is found; .ci/run provides one.
 */
class TransformValidationAgreementTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Map<String, JsonNode> BOTOCORE = new LinkedHashMap<>();
  private static String python;
  @TempDir static Path dir;

  record Variation(String name, Consumer<ObjectNode> change) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void botocoreVerdicts() throws Exception {
    python = Pythons.importing("botocore");
    if (python == null) {
      return;
    }
    List<Variation> all = variations().toList();
    StringBuilder lines = new StringBuilder();
    for (Variation v : all) {
      lines.append(request(v).toString()).append('\n');
    }
    Process process = new ProcessBuilder(python, "test/validation/botocore_verdicts.py").start();
    process.getOutputStream().write(lines.toString().getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (Variation v : all) {
        BOTOCORE.put(v.name(), Json.MAPPER.readTree(out.readLine()));
      }
    }
    assertEquals(
        0,
        process.waitFor(),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variations")
  void validateOnly_agreesWithBotocore(Variation v, TestReporter report) throws IOException {
    assumeTrue(
        python != null,
        "no python3 with botocore (apt-get install python3-botocore): agreement not checked");
    Path file =
        Files.writeString(
            dir.resolve(v.name().replaceAll("[^a-zA-Z0-9]+", "-") + ".json"),
            request(v).toString());
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int exit = cli.execute("transform", "--job", file.toString(), "--validate-only");
    JsonNode reference = BOTOCORE.get(v.name());
    boolean harness = exit == 0;
    boolean botocore = reference.get("valid").asBoolean();
    String verdicts =
        "harness "
            + (harness ? "valid" : "invalid: " + err.toString().strip().replace('\n', ' '))
            + " | botocore "
            + (botocore ? "valid" : "invalid: " + reference.get("problems"));
    report.publishEntry(v.name(), verdicts);
    System.out.println("[agreement] " + v.name() + " -> " + verdicts);
    assertEquals(
        botocore,
        harness,
        v.name() + ": botocore " + reference + ", harness exit " + exit + " " + err);
  }

  private static ObjectNode request(Variation v) throws IOException {
    ObjectNode job = (ObjectNode) Json.MAPPER.readTree(Path.of("test/jobs/churn.json").toFile());
    ((ObjectNode) job.at("/TransformInput/DataSource/S3DataSource"))
        .put("S3Uri", "s3://bucket/churn/customers-");
    ((ObjectNode) job.get("TransformOutput")).put("S3OutputPath", "s3://bucket/churn-out/");
    v.change().accept(job);
    return job;
  }

  private static Variation valid(String name, Consumer<ObjectNode> change) {
    return new Variation("valid? " + name, change);
  }

  private static Variation bad(String name, Consumer<ObjectNode> change) {
    return new Variation("invalid? " + name, change);
  }

  private static ObjectNode at(ObjectNode job, String path) {
    return (ObjectNode) job.at(path);
  }

  private static ObjectNode noProcessing(ObjectNode job) {
    job.remove("DataProcessing");
    return job;
  }

  private static ArrayNode tags(int count) {
    ArrayNode tags = F.arrayNode();
    for (int i = 0; i < count; i++) {
      tags.addObject().put("Key", "team" + i).put("Value", "ml platform");
    }
    return tags;
  }

  private static ObjectNode environment(int count) {
    ObjectNode env = F.objectNode();
    for (int i = 0; i < count; i++) {
      env.put("VAR_" + i, "value " + i);
    }
    return env;
  }

  static Stream<Variation> variations() {
    String source = "/TransformInput/DataSource/S3DataSource";
    List<Variation> v =
        new ArrayList<>(
            List.of(
                valid("the template", job -> {}),
                valid("SingleRecord", job -> job.put("BatchStrategy", "SingleRecord")),
                valid(
                    "SplitType None, no DataProcessing",
                    job -> at(noProcessing(job), "/TransformInput").put("SplitType", "None")),
                valid(
                    "SplitType RecordIO",
                    job -> at(noProcessing(job), "/TransformInput").put("SplitType", "RecordIO")),
                valid(
                    "SplitType TFRecord",
                    job -> at(noProcessing(job), "/TransformInput").put("SplitType", "TFRecord")),
                valid("Gzip", job -> at(job, "/TransformInput").put("CompressionType", "Gzip")),
                valid("ManifestFile", job -> at(job, source).put("S3DataType", "ManifestFile")),
                valid(
                    "AssembleWith None",
                    job -> at(noProcessing(job), "/TransformOutput").put("AssembleWith", "None")),
                valid(
                    "JoinSource None", job -> at(job, "/DataProcessing").put("JoinSource", "None")),
                valid(
                    "ml.c5.2xlarge",
                    job -> at(job, "/TransformResources").put("InstanceType", "ml.c5.2xlarge")),
                valid(
                    "ml.g4dn.xlarge",
                    job -> at(job, "/TransformResources").put("InstanceType", "ml.g4dn.xlarge")),
                valid(
                    "ml.p3.2xlarge",
                    job -> at(job, "/TransformResources").put("InstanceType", "ml.p3.2xlarge")),
                valid(
                    "ml.m4.xlarge",
                    job -> at(job, "/TransformResources").put("InstanceType", "ml.m4.xlarge")),
                valid("5 instances", job -> at(job, "/TransformResources").put("InstanceCount", 5)),
                valid(
                    "16 x 6 MB",
                    job -> job.put("MaxConcurrentTransforms", 16).put("MaxPayloadInMB", 6)),
                valid("MaxConcurrentTransforms 0", job -> job.put("MaxConcurrentTransforms", 0)),
                valid("MaxPayloadInMB 0", job -> job.put("MaxPayloadInMB", 0)),
                valid(
                    "1 x 100 MB",
                    job -> job.put("MaxConcurrentTransforms", 1).put("MaxPayloadInMB", 100)),
                valid(
                    "timeout 3600, no retries",
                    job ->
                        at(job, "/ModelClientConfig")
                            .put("InvocationsTimeoutInSeconds", 3600)
                            .put("InvocationsMaxRetries", 0)),
                valid("16 environment entries", job -> job.set("Environment", environment(16))),
                valid(
                    "environment key _A1",
                    job -> job.set("Environment", F.objectNode().put("_A1", "x\ny"))),
                valid("two tags", job -> job.set("Tags", tags(2))),
                valid("50 tags", job -> job.set("Tags", tags(50))),
                valid("no tags", job -> job.set("Tags", tags(0))),
                valid(
                    "experiment config",
                    job ->
                        job.putObject("ExperimentConfig")
                            .put("ExperimentName", "churn-exp")
                            .put("TrialName", "nightly-1")
                            .put("RunName", "run-2026-12-01")),
                valid(
                    "data capture",
                    job ->
                        job.putObject("DataCaptureConfig")
                            .put("DestinationS3Uri", "s3://b/capture/")
                            .put("GenerateInferenceId", true)),
                valid(
                    "KMS keys",
                    job -> {
                      at(job, "/TransformOutput")
                          .put("KmsKeyId", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab");
                      at(job, "/TransformResources").put("VolumeKmsKeyId", "alias/my-key");
                    }),
                valid(
                    "AMI version",
                    job ->
                        at(job, "/TransformResources")
                            .put("TransformAmiVersion", "al2-ami-sagemaker-batch-gpu-470")),
                valid(
                    "no optional settings",
                    job -> {
                      job.remove(
                          List.of(
                              "BatchStrategy",
                              "MaxPayloadInMB",
                              "MaxConcurrentTransforms",
                              "ModelClientConfig"));
                    }),
                valid(
                    "JSON Lines, no DataProcessing",
                    job -> {
                      at(noProcessing(job), "/TransformInput")
                          .put("ContentType", "application/jsonlines");
                      at(job, "/TransformOutput").put("Accept", "application/jsonlines");
                    }),
                valid(
                    "https S3Uri",
                    job -> at(job, source).put("S3Uri", "https://bucket.s3.amazonaws.com/churn/")),
                valid("63-character name", job -> job.put("TransformJobName", "a".repeat(63))),
                valid(
                    "name with hyphens",
                    job -> job.put("TransformJobName", "churn--nightly-2026-12-01")),
                bad("BatchStrategy multirecord", job -> job.put("BatchStrategy", "multirecord")),
                bad("SplitType line", job -> at(job, "/TransformInput").put("SplitType", "line")),
                bad(
                    "JoinSource input",
                    job -> at(job, "/DataProcessing").put("JoinSource", "input")),
                bad(
                    "InstanceType ml.m5.xlarg",
                    job -> at(job, "/TransformResources").put("InstanceType", "ml.m5.xlarg")),
                bad(
                    "InstanceType ML.M5.XLARGE",
                    job -> at(job, "/TransformResources").put("InstanceType", "ML.M5.XLARGE")),
                bad(
                    "MaxConcurrentTransforms as a string",
                    job -> job.put("MaxConcurrentTransforms", "2")),
                bad("no TransformResources", job -> job.remove("TransformResources")),
                bad("no TransformJobName", job -> job.remove("TransformJobName")),
                bad("no ModelName", job -> job.remove("ModelName")),
                bad("no TransformInput", job -> job.remove("TransformInput")),
                bad("no TransformOutput", job -> job.remove("TransformOutput")),
                bad("no S3DataType", job -> at(job, source).remove("S3DataType")),
                bad("no S3Uri", job -> at(job, source).remove("S3Uri")),
                bad(
                    "no InstanceType",
                    job -> at(job, "/TransformResources").remove("InstanceType")),
                bad(
                    "no InstanceCount",
                    job -> at(job, "/TransformResources").remove("InstanceCount")),
                bad(
                    "InstanceCount 0",
                    job -> at(job, "/TransformResources").put("InstanceCount", 0)),
                bad(
                    "InstanceCount as a string",
                    job -> at(job, "/TransformResources").put("InstanceCount", "1")),
                bad("MaxConcurrentTransforms -1", job -> job.put("MaxConcurrentTransforms", -1)),
                bad(
                    "MaxPayloadInMB 101",
                    job -> job.put("MaxConcurrentTransforms", 1).put("MaxPayloadInMB", 101)),
                bad(
                    "20 x 6 MB",
                    job -> job.put("MaxConcurrentTransforms", 20).put("MaxPayloadInMB", 6)),
                bad("MaxPayloadInMB 6.0", job -> job.put("MaxPayloadInMB", 6.0)),
                bad(
                    "timeout 0",
                    job -> at(job, "/ModelClientConfig").put("InvocationsTimeoutInSeconds", 0)),
                bad(
                    "timeout 3601",
                    job -> at(job, "/ModelClientConfig").put("InvocationsTimeoutInSeconds", 3601)),
                bad(
                    "4 retries",
                    job -> at(job, "/ModelClientConfig").put("InvocationsMaxRetries", 4)),
                bad("name my_job", job -> job.put("TransformJobName", "my_job")),
                bad("64-character name", job -> job.put("TransformJobName", "a".repeat(64))),
                bad("empty name", job -> job.put("TransformJobName", "")),
                bad("name -churn", job -> job.put("TransformJobName", "-churn")),
                bad("ModelName -model", job -> job.put("ModelName", "-model")),
                bad("17 environment entries", job -> job.set("Environment", environment(17))),
                bad(
                    "environment key 1BAD",
                    job -> job.set("Environment", F.objectNode().put("1BAD", "x"))),
                bad(
                    "environment value a number",
                    job -> job.set("Environment", F.objectNode().put("A", 5))),
                bad(
                    "Environment an array",
                    job -> job.set("Environment", F.arrayNode().add("A=1"))),
                bad("51 tags", job -> job.set("Tags", tags(51))),
                bad(
                    "empty tag key",
                    job ->
                        job.set(
                            "Tags",
                            F.arrayNode().add(F.objectNode().put("Key", "").put("Value", "v")))),
                bad(
                    "tag without a value",
                    job -> job.set("Tags", F.arrayNode().add(F.objectNode().put("Key", "k")))),
                bad(
                    "tag value x!",
                    job ->
                        job.set(
                            "Tags",
                            F.arrayNode().add(F.objectNode().put("Key", "k").put("Value", "x!")))),
                bad("Tags an object", job -> job.set("Tags", F.objectNode().put("Key", "k"))),
                bad("unknown member Foo", job -> job.put("Foo", 1)),
                bad(
                    "unknown member TransformInput.Foo",
                    job -> at(job, "/TransformInput").put("Foo", "x")),
                bad(
                    "local S3Uri",
                    job -> at(job, source).put("S3Uri", "test/data/churn/customers-")),
                bad(
                    "local S3OutputPath",
                    job -> at(job, "/TransformOutput").put("S3OutputPath", "target/out")),
                bad("gs:// S3Uri", job -> at(job, source).put("S3Uri", "gs://bucket/in/")),
                bad(
                    "64-character InputFilter",
                    job -> at(job, "/DataProcessing").put("InputFilter", "$" + "a".repeat(63))),
                bad(
                    "data capture without a destination",
                    job -> job.putObject("DataCaptureConfig").put("GenerateInferenceId", true)),
                bad(
                    "GenerateInferenceId a string",
                    job ->
                        job.putObject("DataCaptureConfig")
                            .put("DestinationS3Uri", "s3://b/c/")
                            .put("GenerateInferenceId", "true")),
                bad(
                    "TrialName with a space",
                    job -> job.putObject("ExperimentConfig").put("TrialName", "bad name")),
                bad(
                    "AugmentedManifestFile",
                    job -> at(job, source).put("S3DataType", "AugmentedManifestFile")),
                bad(
                    "CompressionType gzip",
                    job -> at(job, "/TransformInput").put("CompressionType", "gzip")),
                bad(
                    "AssembleWith LINE",
                    job -> at(job, "/TransformOutput").put("AssembleWith", "LINE")),
                bad(
                    "KmsKeyId with a space",
                    job -> at(job, "/TransformOutput").put("KmsKeyId", "my key"))));
    return v.stream();
  }
}
