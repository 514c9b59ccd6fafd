package io.batchserve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.Json;
import io.batchserve.model.train.ChurnData;
import io.batchserve.testing.Http;
import io.batchserve.testing.TestServers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad (and borderline) requests against the bundled churn model: each gets its documented status
 * and a message naming the record and the problem, and the server goes on serving good requests
 * after every one.
 */
class BadInputCorpusTest {
  private static ModelServer server;
  private static String good;

  record Case(String name, List<String> headers, byte[] body, int status, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.start(Path.of("model/churn"));
    String sample = Files.readAllLines(Path.of("test/data/churn/customers-001.csv")).get(0);
    good = sample.substring(sample.indexOf(',') + 1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void serverStillServes() {
    HttpResponse<String> response =
        Http.post(server.port(), good + "\n", "Content-Type", "text/csv");
    assertEquals(
        200, response.statusCode(), "a good request after the bad one: " + response.body());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void invocations_badInput_clearErrorAndServerKeepsServing(Case c) throws IOException {
    HttpResponse<String> response =
        Http.post(server.port(), c.body(), c.headers().toArray(String[]::new));
    assertEquals(c.status(), response.statusCode(), response.body());
    if (c.status() != 200) {
      var error = Json.MAPPER.readTree(response.body());
      assertTrue(error.has("error"), response.body());
      String message = error.get("message").asText();
      assertTrue(message.contains(c.message()), "expected '" + c.message() + "' in: " + message);
    }
  }

  static Stream<Case> corpus() {
    String row = churnRow();
    String[] fields = row.split(",", -1);
    return Stream.of(
        csv("too few columns", join(fields, 19), 400, "line 1: has 19 columns, expected 20"),
        csv(
            "id column left in",
            "C0000001," + row,
            400,
            "has 21 columns, expected 20 (account_length"),
        csv("trailing comma", row + ",", 400, "has 21 columns"),
        csv(
            "text in line 2",
            row + "\n" + replace(fields, 4, "abc"),
            400,
            "line 2, column 5 (total_day_minutes): 'abc' is not a number"),
        csv("NaN is missing", replace(fields, 4, "NaN"), 200, ""),
        csv("nan is missing", replace(fields, 4, "nan"), 200, ""),
        csv(
            "inf",
            replace(fields, 4, "inf"),
            400,
            "column 5 (total_day_minutes): 'inf' is infinite"),
        csv("-Infinity", replace(fields, 0, "-Infinity"), 400, "'-Infinity' is infinite"),
        csv(
            "out of float range",
            replace(fields, 4, "1e999"),
            400,
            "'1e999' is out of the float range"),
        csv("java float suffix", replace(fields, 4, "1.5f"), 400, "'1.5f' is not a number"),
        csv("hex float", replace(fields, 4, "0x1p3"), 400, "'0x1p3' is not a number"),
        csv("quoted field", replace(fields, 0, "\"142\""), 400, "quoted value \"142\""),
        csv(
            "header row",
            String.join(",", churnHeader()) + "\n" + row,
            400,
            "line 1, column 1 (account_length): 'account_length' is not a number (a header row?"),
        csv("UTF-8 byte-order mark is skipped", "\uFEFF" + row, 200, ""),
        bytes(
            "invalid UTF-8",
            "text/csv",
            concat(
                row.substring(0, row.indexOf(',')).getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe},
                row.substring(row.indexOf(',')).getBytes(StandardCharsets.UTF_8)),
            400,
            "'142\\xff\\xfe' is not a number"),
        csv("empty body", "", 400, "request body is empty"),
        csv("only newlines", "\n\n\n", 400, "line 1: the line is empty"),
        csv("interior blank line", row + "\n\n" + row + "\n", 400, "line 2: the line is empty"),
        csv("two trailing newlines", row + "\n\n", 400, "line 2: the line is empty"),
        csv(
            "semicolon delimiter",
            row.replace(',', ';'),
            400,
            "has 1 columns, expected 20 (account_length, international_plan, voice_mail_plan,"
                + " number_vmail_messages, total_day_minutes, ..., data_gb) (the fields seem"
                + " separated by ';': batchserve reads comma-separated values"),
        csv("tab delimiter", row.replace(',', '\t'), 400, "(the fields seem separated by tabs"),
        csv("carriage returns only", row + "\r" + row, 400, "bare carriage return"),
        bytes(
            "one byte over the limit",
            "text/csv",
            new byte[6 * 1024 * 1024 + 1],
            413,
            "over the limit of 6291456 bytes (6 MB)"),
        json(
            "broken JSON Lines",
            "application/jsonlines",
            "{\"account_length\": 12\n",
            400,
            "line 1: not valid JSON"),
        json(
            "wrong JSON type",
            "application/jsonlines",
            "{\"account_length\":\"long\"}",
            400,
            "line 1, field 'account_length': expected a number or null, got string"),
        json(
            "misspelt feature",
            "application/jsonlines",
            "{\"acount_length\":12}",
            400,
            "line 1: unknown field 'acount_length'"),
        json(
            "array too short",
            "application/jsonlines",
            "[1,2,3]",
            400,
            "line 1: has 3 values, expected 20"),
        json(
            "scalar record",
            "application/jsonlines",
            "{\"account_length\":1}\n42\n",
            400,
            "line 2: expected a JSON object of named features or an array of numbers, got number"),
        json(
            "NaN literal in JSON",
            "application/jsonlines",
            "{\"account_length\":NaN}",
            400,
            "not valid JSON"),
        json(
            "duplicate key",
            "application/jsonlines",
            "{\"account_length\":1,\"account_length\":2}",
            400,
            "Duplicate field 'account_length'"),
        json(
            "broken JSON document",
            "application/json",
            "[{\"account_length\": 12}",
            400,
            "body is not valid JSON"),
        json(
            "record for another model",
            "application/jsonlines",
            "{\"request_type\":\"iterative_forecast\",\"item_id\":\"A1\"}",
            400,
            "request_type \"iterative_forecast\" is not for model 'churn'"),
        csv(
            "unsupported content type",
            "application/x-parquet",
            null,
            row,
            415,
            "'application/x-parquet' is not supported by model 'churn'; supported: text/csv,"
                + " application/jsonlines"),
        csv("missing content type", null, null, row, 415, "Content-Type '(none)' is not supported"),
        csv(
            "unsupported accept",
            "text/csv",
            "application/xml",
            row,
            406,
            "Accept 'application/xml' is not supported by model 'churn'; supported: text/csv"),
        new Case(
            "unknown model in custom attributes",
            List.of(
                "Content-Type",
                "text/csv",
                "X-Amzn-SageMaker-Custom-Attributes",
                "trace=1, model=nope"),
            row.getBytes(StandardCharsets.UTF_8),
            400,
            "model=nope: no such model; loaded: churn"));
  }

  private static Case csv(String name, String body, int status, String message) {
    return csv(name, "text/csv", null, body, status, message);
  }

  private static Case csv(
      String name, String type, String accept, String body, int status, String message) {
    return bytes(
        name, headers(type, accept), body.getBytes(StandardCharsets.UTF_8), status, message);
  }

  private static List<String> headers(String type, String accept) {
    List<String> headers = new ArrayList<>();
    if (type != null) {
      headers.addAll(List.of("Content-Type", type));
    }
    if (accept != null) {
      headers.addAll(List.of("Accept", accept));
    }
    return headers;
  }

  private static Case json(String name, String type, String body, int status, String message) {
    return csv(name, type, null, body, status, message);
  }

  private static Case bytes(String name, String type, byte[] body, int status, String message) {
    return bytes(name, headers(type, null), body, status, message);
  }

  private static Case bytes(
      String name, List<String> headers, byte[] body, int status, String message) {
    return new Case(name, headers, body, status, message);
  }

  private static String churnRow() {
    try {
      String sample = Files.readAllLines(Path.of("test/data/churn/customers-001.csv")).get(0);
      return sample.substring(sample.indexOf(',') + 1);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> churnHeader() {
    return ChurnData.featureNames();
  }

  private static String join(String[] fields, int count) {
    return String.join(",", Arrays.copyOf(fields, count));
  }

  private static String replace(String[] fields, int index, String value) {
    String[] copy = fields.clone();
    copy[index] = value;
    return String.join(",", copy);
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
