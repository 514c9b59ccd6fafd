package io.batchserve.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.batchserve.testing.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * The image serving each sample model as SageMaker runs it: {@code docker run -v
 * model/NAME:/opt/ml/model IMAGE serve}. One container per model, shared by the tests of this
 * class, is started on first use.
 */
class ServeContainerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PAYLOADS = BatchserveImage.PROJECT.resolve("test/container/payloads");
  private static final Map<String, GenericContainer<?>> RUNNING = new ConcurrentHashMap<>();

  static List<String> models() {
    return BatchserveImage.models();
  }

  /** Every sample payload: test/container/payloads/MODEL/*.csv and *.jsonl. */
  static Stream<Arguments> payloads() throws IOException {
    Stream.Builder<Arguments> payloads = Stream.builder();
    for (String model : models()) {
      List<Path> files;
      try (Stream<Path> list = Files.list(PAYLOADS.resolve(model))) {
        files =
            list.filter(
                    file -> file.toString().endsWith(".csv") || file.toString().endsWith(".jsonl"))
                .sorted()
                .toList();
      }
      assertFalse(files.isEmpty(), "no sample payloads in " + PAYLOADS.resolve(model));
      files.forEach(file -> payloads.add(Arguments.of(model, file.getFileName().toString())));
    }
    return payloads.build();
  }

  private static GenericContainer<?> container(String model) {
    return RUNNING.computeIfAbsent(
        model,
        name -> {
          GenericContainer<?> container = BatchserveImage.serving(name);
          container.start();
          return container;
        });
  }

  private static HttpResponse<String> get(String model, String path) {
    return BatchserveImage.get(container(model), path);
  }

  private static HttpResponse<String> invoke(String model, String contentType, byte[] body) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(BatchserveImage.url(container(model)) + "/invocations"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  @AfterAll
  static void stopContainers() {
    RUNNING.values().forEach(GenericContainer::stop);
    RUNNING.clear();
  }

  @ParameterizedTest
  @MethodSource("models")
  void ping_answers200WithAnEmptyBody(String model) {
    HttpResponse<String> ping = get(model, "/ping");

    assertEquals(200, ping.statusCode());
    assertEquals("", ping.body());
  }

  @ParameterizedTest
  @MethodSource("models")
  void executionParameters_keepTheHundredMegabyteRule(String model) throws IOException {
    HttpResponse<String> response = get(model, "/execution-parameters");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode parameters = JSON.readTree(response.body());
    int concurrent = parameters.path("MaxConcurrentTransforms").asInt();
    int payload = parameters.path("MaxPayloadInMB").asInt();
    assertTrue(concurrent >= 1, response.body());
    assertTrue(payload >= 1 && payload <= 100 && concurrent * payload <= 100, response.body());
    assertTrue(
        List.of("MULTI_RECORD", "SINGLE_RECORD")
            .contains(parameters.path("BatchStrategy").asText()),
        response.body());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("payloads")
  void invocations_answerOneRecordPerRecord(String model, String payload) throws IOException {
    byte[] body = Files.readAllBytes(PAYLOADS.resolve(model).resolve(payload));
    String contentType = payload.endsWith(".csv") ? "text/csv" : "application/jsonlines";

    HttpResponse<String> response = invoke(model, contentType, body);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        contentType, response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    long records =
        new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
    assertEquals(records, response.body().lines().count(), response.body());
  }

  @ParameterizedTest
  @MethodSource("models")
  void invocations_badRecord_is400ThatSaysWhere(String model) {
    HttpResponse<String> response =
        invoke(model, "application/jsonlines", "{\"no_such_feature\": 1}\n".getBytes());

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("line 1"), response.body());
  }

  /**
   * Exec form all the way down: `serve` execs the JVM, so PID 1 is java and docker stop's SIGTERM
   * reaches it.
   */
  @ParameterizedTest
  @MethodSource("models")
  void jvm_isProcessOneWithContainerAwareSettings(String model) throws Exception {
    ExecResult cmdline = container(model).execInContainer("cat", "/proc/1/cmdline");
    List<String> args = List.of(cmdline.getStdout().split("\0"));
    assertTrue(args.get(0).endsWith("java"), args.toString());
    assertEquals(
        List.of("-jar", "/opt/batchserve/batchserve.jar", "serve"),
        args.subList(args.size() - 3, args.size()));

    ExecResult environment = container(model).execInContainer("cat", "/proc/1/environ");
    assertTrue(
        List.of(environment.getStdout().split("\0")).contains("OMP_NUM_THREADS=1"),
        environment.getStdout());

    ExecResult flags = container(model).execInContainer("java", "-XX:+PrintFlagsFinal", "-version");
    long maxHeap =
        Long.parseLong(
            flags
                .getStdout()
                .lines()
                .filter(l -> l.contains(" MaxHeapSize "))
                .findFirst()
                .orElseThrow()
                .trim()
                .split("\\s+")[3]);
    assertTrue(flags.getStdout().lines().anyMatch(l -> l.matches("\\s*bool UseG1GC\\s+= true.*")));
    // 70% of the 1 GiB limit, give or take the heap's alignment.
    assertTrue(
        Math.abs(maxHeap - BatchserveImage.MEMORY_BYTES * 0.7) < 16 << 20,
        "MaxHeapSize " + maxHeap);
  }
}
