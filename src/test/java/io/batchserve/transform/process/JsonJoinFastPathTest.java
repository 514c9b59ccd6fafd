package io.batchserve.transform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.batchserve.transform.job.JoinSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSON join's fast path (an input object streamed, only the picked properties read) gives
 * exactly the exact path's bytes, or its error, on generated records: repeated names, nested
 * values, numbers in every notation, escapes and non-ASCII text, a SageMakerOutput already in the
 * input, non-object inputs and broken JSON.
 */
class JsonJoinFastPathTest {
  private static final List<String> FILTERS =
      List.of(
          "$['customer_id','SageMakerOutput']",
          "$['SageMakerOutput','a','b']",
          "$['x','y']",
          "$['a','a']",
          "$['SageMakerInput','SageMakerOutput']");
  private static final String[] KEYS = {"customer_id", "a", "b", "c", "SageMakerOutput", "é"};
  private static final String[] VALUES = {
    "1",
    "-0.0",
    "1.50",
    "1e5",
    "2E-3",
    "12345678901234567890",
    "\"x\"",
    "\"\\u00e9\\n\"",
    "null",
    "true",
    "[1,{\"d\":2.0}]",
    "{\"e\":[]}",
    "\"é\"",
    "-0",
    "0",
    "-17",
    "0.0000001",
    "0.000001",
    "0.000",
    "123.4500",
    "-0.5",
    "1.0",
    "3.14159265358979323846264338327950288",
    "\"a\u007fb\"",
    "\"\\ud800\"",
    "\"tab\tinside\"",
    "{\"e\":1,\"e\":2}",
    "[ 1 , {\"f\" : [ ]} ]",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "truex",
    "1.",
    "-",
    "\"\\x\"",
    "\"\\u00zz\""
  };
  private static final String[] RESPONSES = {
    "{\"score\":0.25}",
    "0.5",
    "[1,2]",
    "{\"score\": 0.25}",
    "1e-7",
    " \"s\" ",
    "{\"a\":1,\"a\":2}",
    "{\"score\":"
  };

  @Test
  void output_generatedRecords_sameBytesAsTheExactPath() {
    Random random = new Random(18);
    for (String filter : FILTERS) {
      JsonProcessor processor =
          (JsonProcessor)
              RecordProcessor.of(
                  "application/jsonlines", "$", JoinSource.Input, filter, SliceEnd.INCLUSIVE);
      for (int n = 0; n < 5_000; n++) {
        byte[] input = record(random).getBytes(StandardCharsets.UTF_8);
        byte[] response =
            RESPONSES[random.nextInt(RESPONSES.length)].getBytes(StandardCharsets.UTF_8);
        assertEquals(
            result(() -> processor.exactOutput(input, response)),
            result(() -> processor.output(input, response)),
            filter + " on " + new String(input, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void pickScanned_seedShape_copiesTheValues() {
    JsonProcessor processor = seedShape();
    byte[] joined =
        processor.pickScanned(
            bytes("{\"customer_id\":\"C7\",\"account_length\":142,\"data_gb\":null}"),
            bytes("{\"score\":0.17737181}"));
    assertEquals(
        "{\"customer_id\":\"C7\",\"SageMakerOutput\":{\"score\":0.17737181}}",
        new String(joined, StandardCharsets.UTF_8));
  }

  @Test
  void pickScanned_valuesTheMapperRewrites_writesThemAsTheMapperDoes() {
    byte[] joined =
        seedShape()
            .pickScanned(bytes("{\"customer_id\": 1e2 }"), bytes("{ \"score\" : 0.0000001 }"));
    assertEquals(
        "{\"customer_id\":1E+2,\"SageMakerOutput\":{\"score\":1E-7}}",
        new String(joined, StandardCharsets.UTF_8));
  }

  @Test
  void pickScanned_textItDoesNotTake_leavesItToTheOtherPaths() {
    JsonProcessor processor = seedShape();
    byte[] score = bytes("{\"score\":0.5}");
    assertNull(processor.pickScanned(bytes("{\"customer_id\":\"Müller\"}"), score));
    assertNull(processor.pickScanned(bytes("{\"a\":1,\"a\":2}"), score));
    assertNull(processor.pickScanned(bytes("{\"cust\\u006fmer_id\":1}"), score));
    assertNull(processor.pickScanned(bytes("[1]"), score));
    assertNull(processor.pickScanned(bytes("{\"a\":1}"), bytes("{\"score\":")));
  }

  private static JsonProcessor seedShape() {
    return (JsonProcessor)
        RecordProcessor.of(
            "application/jsonlines",
            "$",
            JoinSource.Input,
            "$['customer_id','SageMakerOutput']",
            SliceEnd.INCLUSIVE);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void pickJoined_seedShape_streamsTheObject() {
    byte[] input =
        "{\"customer_id\":\"C7\",\"account_length\":142,\"data_gb\":null}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] fast =
        JsonProcessor.pickJoined(
            input,
            "{\"score\":0.25}".getBytes(StandardCharsets.UTF_8),
            List.of("customer_id", "SageMakerOutput"));
    assertEquals(
        "{\"customer_id\":\"C7\",\"SageMakerOutput\":{\"score\":0.25}}",
        new String(fast, StandardCharsets.UTF_8));
  }

  private static String record(Random random) {
    switch (random.nextInt(12)) {
      case 0:
        return "[1,2]";
      case 1:
        return "\"text\"";
      case 2:
        return "{\"a\":1,"; // cut short
      case 3:
        return "{\"a\":01}"; // not JSON
      default:
        break;
    }
    StringBuilder object = new StringBuilder("{");
    int fields = random.nextInt(6);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        object.append(random.nextInt(5) == 0 ? " , " : ",");
      }
      object.append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":");
      object.append(VALUES[random.nextInt(VALUES.length)]);
    }
    return object.append(random.nextInt(8) == 0 ? "} " : "}").toString();
  }

  private interface Output {
    byte[] get();
  }

  private static String result(Output output) {
    try {
      return new String(output.get(), StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return "error: " + e;
    }
  }
}
