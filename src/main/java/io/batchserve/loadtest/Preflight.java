package io.batchserve.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchserve.codec.Json;
import io.batchserve.loadtest.report.Format;
import java.io.IOException;

/**
 * One request before the sweep. A body the server refuses (an id column left in, the wrong content
 * type) would only fill every run of the table with the same failure; instead the load test stops
 * at once with the server's own message. Any answer but a 2xx with one line per record stops it.
 */
final class Preflight {
  private Preflight() {}

  /**
   * @throws LoadTestException saying what the server answered, and what to check
   */
  static void check(Sender sender, PayloadBodies payload, String contentType)
      throws InterruptedException {
    PackedBody body = payload.body(0);
    Reply reply = sender.send(body);
    if (reply.ok() && reply.answerRecords() == body.records()) {
      return;
    }
    String first =
        "the first request (a "
            + payload.label()
            + " body of "
            + Format.number(body.records())
            + " "
            + contentType
            + " records) ";
    if (reply.ok()) {
      throw new LoadTestException(
          first
              + "was answered with "
              + Format.number(reply.answerRecords())
              + " lines instead of one per record; nothing was measured");
    }
    if (reply.status() == 0) {
      throw new LoadTestException(
          first + "got no answer (" + reply.error() + "); nothing was measured");
    }
    String advice =
        reply.status() >= 400 && reply.status() < 500
            ? ". Check the records against the model (an id column left in? --drop-first-column"
                + " drops it), --content-type and --accept"
            : "";
    throw new LoadTestException(
        first
            + StatusWords.outcome(Integer.toString(reply.status()))
            + ": "
            + serverMessage(reply.error())
            + "; nothing was measured"
            + advice);
  }

  /**
   * The {@code message} of a JSON error answer ({@code error: message}), else the answer's text.
   */
  static String serverMessage(String answer) {
    try {
      JsonNode node = Json.MAPPER.readTree(answer);
      JsonNode message = node != null && node.isObject() ? node.path("message") : null;
      if (message != null && message.isTextual()) {
        JsonNode error = node.path("error");
        return (error.isTextual() ? error.asText() + ": " : "") + message.asText();
      }
    } catch (IOException notJson) {
      // a plain-text answer: shown as it is
    }
    return answer;
  }
}
