package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.transform.FakeContainer.Reply;
import io.batchserve.transform.run.JobOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container's 400 names the line of its request; the harness's log and job.json name the file's
 * line as well.
 */
class FailureLocationTest {
  @TempDir Path dir;

  /** Answers 400 "line k: ..." for the first record holding "bad", else echoes. */
  private static final FakeContainer.Script STRICT =
      request -> {
        List<String> lines = request.lines();
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains("bad")) {
            return Reply.status(
                400,
                "{\"error\":\"InvalidInput\",\"message\":\"line "
                    + (i + 1)
                    + ", column 1: 'bad' "
                    + "is not a number\"}");
          }
        }
        return FakeContainer.ECHO.reply(request);
      };

  @Test
  void failedRecord_isNamedByItsFileLineAndItsRequestLine() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int line = 1; line <= 40; line++) {
      text.append(line == 30 ? "bad" : String.format("%03d", line)).append('\n');
    }
    new Workspace(dir).in("customers-007.csv", text.toString());
    try (FakeContainer fake = FakeContainer.start(STRICT)) {
      Harness harness = Harness.endpoints(fake.uri());
      harness.bytesPerMb = 40; // 10 lines of 4 bytes per request
      JobOutcome outcome =
          harness.run(
              Harness.csvLines(dir.resolve("in"), dir.resolve("out")).set("MaxPayloadInMB", 1));
      assertFalse(outcome.completed());
      String where = "customers-007.csv line 30 (request 3, line 10): ClientError: 400";
      assertTrue(harness.log().contains(where), harness.log());
      assertTrue(
          Files.readString(dir.resolve("out/job.json"))
              .contains("customers-007.csv line 30 (request 3, line 10): "),
          Files.readString(dir.resolve("out/job.json")));
    }
  }

  @Test
  void failedRequest_withoutALineInTheAnswer_isNamedByItsLines() throws Exception {
    new Workspace(dir).in("a.csv", "1\n2\n3\n4\n");
    try (FakeContainer fake = FakeContainer.start(request -> Reply.status(500, "boom"))) {
      Harness harness = Harness.endpoints(fake.uri());
      harness.bytesPerMb = 4;
      JobOutcome outcome =
          harness.run(
              Harness.csvLines(dir.resolve("in"), dir.resolve("out"))
                  .set("MaxPayloadInMB", 1)
                  .set("ModelClientConfig.InvocationsMaxRetries", 0));
      assertFalse(outcome.completed());
      assertTrue(harness.log().contains("a.csv lines 1-2 (request 1): "), harness.log());
    }
  }
}
