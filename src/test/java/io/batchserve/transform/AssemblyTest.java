package io.batchserve.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.config.SageMakerLimits;
import io.batchserve.transform.FakeContainer.Reply;
import io.batchserve.transform.job.JobRequest;
import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.run.HarnessOptions;
import io.batchserve.transform.split.RecordReaderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output assembly, payload units and limits, chunked payloads and DataProcessing, against the fake
 * container.
 */
class AssemblyTest {
  @TempDir Path dir;

  private Workspace ws() {
    return new Workspace(dir);
  }

  private static Harness with(
      FakeContainer fake, long bytesPerMb, boolean alwaysNewline, SliceEnd sliceEnd) {
    Harness harness = Harness.endpoints(fake.uri());
    harness.bytesPerMb = bytesPerMb;
    harness.alwaysNewline = alwaysNewline;
    harness.sliceEnd = sliceEnd;
    return harness;
  }

  private JobRequest csv() {
    return Harness.csvLines(dir.resolve("in"), dir.resolve("out"));
  }

  @Test
  void assembleLine_addsNewlineOnlyWhenMissing_orAlwaysAsOption() throws Exception {
    ws().in("a.csv", "1\n2\n");
    Reply noNewline = Reply.ok("x");
    try (FakeContainer fake =
        FakeContainer.start(r -> r.text().equals("1\n") ? noNewline : Reply.ok("y\n"))) {
      var request = csv().set("BatchStrategy", "SingleRecord");
      assertTrue(
          with(fake, SageMakerLimits.MEBIBYTE, false, SliceEnd.INCLUSIVE).run(request).completed());
      assertEquals("x\ny\n", ws().out("a.csv.out"));
      assertTrue(
          with(fake, SageMakerLimits.MEBIBYTE, true, SliceEnd.INCLUSIVE).run(request).completed());
      assertEquals("x\ny\n\n", ws().out("a.csv.out"));
    }
  }

  @Test
  void assembleNone_concatenatesResponsesRaw() throws Exception {
    ws().in("a.bin", "1\n2\n");
    try (FakeContainer fake = FakeContainer.start(r -> Reply.ok("<" + r.text().strip() + ">"))) {
      var request =
          Harness.job(dir.resolve("in"), dir.resolve("out"))
              .set("TransformInput.SplitType", "Line")
              .set("BatchStrategy", "SingleRecord");
      assertTrue(Harness.endpoints(fake.uri()).run(request).completed());
      assertEquals("<1><2>", ws().out("a.bin.out"));
    }
  }

  @Test
  void payloadUnit_mebibyteByDefault_megabyteAsOption() throws Exception {
    String line = "x".repeat(99) + "\n";
    ws().in("a.csv", line.repeat(10_300));
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      var request = csv().set("MaxPayloadInMB", 1);
      assertTrue(
          with(fake, SageMakerLimits.MEBIBYTE, false, SliceEnd.INCLUSIVE).run(request).completed());
      assertEquals(1, fake.requests().size(), "1,030,000 bytes fit in 1 MiB");
      assertTrue(
          with(fake, HarnessOptions.MEGABYTE, false, SliceEnd.INCLUSIVE).run(request).completed());
      assertEquals(3, fake.requests().size(), "but not in 1,000,000 bytes");
      assertEquals(10_000, fake.requests().get(1).lines().size());
      assertEquals(1_000_000, fake.requests().get(1).body().length);
    }
  }

  @Test
  void payloadZero_sendsTheWholeObjectChunked() throws Exception {
    ws().in("a.bin", "abc");
    ws().in("b.csv", "1\n2\n");
    try (FakeContainer fake = FakeContainer.start(r -> Reply.ok(r.text().replace('\n', ';')))) {
      var whole = Harness.job(dir.resolve("in"), dir.resolve("out")).set("MaxPayloadInMB", 0);
      assertTrue(Harness.endpoints(fake.uri()).run(whole).completed());
      assertTrue(fake.requests().stream().allMatch(FakeContainer.Request::chunked));
      assertEquals("abc", ws().out("a.bin.out"));
      assertEquals("1;2;", ws().out("b.csv.out"));
      var lines =
          Harness.job(dir.resolve("in/b.csv"), dir.resolve("out2"))
              .set("MaxPayloadInMB", 0)
              .set("TransformInput.SplitType", "Line")
              .set("BatchStrategy", "MultiRecord");
      assertTrue(Harness.endpoints(fake.uri()).run(lines).completed());
      assertTrue(fake.requests().get(2).chunked());
      assertEquals(List.of("1", "2"), fake.requests().get(2).lines());
    }
  }

  @Test
  void csvFilters_sliceEndInclusiveOrExclusive_reachTheContainer() throws Exception {
    ws().in("a.csv", "id1,a,b,c,d\n");
    for (SliceEnd end : SliceEnd.values()) {
      try (FakeContainer fake = FakeContainer.start(r -> Reply.ok("0.5\n"))) {
        var request =
            csv()
                .set("DataProcessing.InputFilter", "$[1:2]")
                .set("DataProcessing.JoinSource", "Input")
                .set("DataProcessing.OutputFilter", "$[0,-1]");
        assertTrue(with(fake, SageMakerLimits.MEBIBYTE, false, end).run(request).completed());
        assertEquals(end == SliceEnd.INCLUSIVE ? "a,b\n" : "a\n", fake.requests().get(0).text());
        assertEquals("id1,0.5\n", ws().out("a.csv.out"));
      }
    }
  }

  @Test
  void jsonLines_joinAndOutputFilter_perRecord() throws Exception {
    ws().in("a.jsonl", "{\"id\":\"a\",\"x\":[1,2]}\n{\"id\":\"b\",\"x\":[3,4]}\n");
    try (FakeContainer fake =
        FakeContainer.start(
            r ->
                Reply.ok(
                    r.lines().stream()
                        .map(l -> "{\"sum\":" + (l.equals("[1,2]") ? 3 : 7) + "}\n")
                        .reduce("", String::concat)))) {
      var request =
          Harness.job(dir.resolve("in"), dir.resolve("out"))
              .set("TransformInput.ContentType", "application/jsonlines")
              .set("TransformInput.SplitType", "Line")
              .set("TransformOutput.Accept", "application/jsonlines")
              .set("TransformOutput.AssembleWith", "Line")
              .set("DataProcessing.InputFilter", "$.x")
              .set("DataProcessing.JoinSource", "Input")
              .set("DataProcessing.OutputFilter", "$['id','SageMakerOutput']");
      assertTrue(Harness.endpoints(fake.uri()).run(request).completed());
      assertEquals(List.of("[1,2]", "[3,4]"), fake.requests().get(0).lines());
      assertEquals(
          "{\"id\":\"a\",\"SageMakerOutput\":{\"sum\":3}}\n"
              + "{\"id\":\"b\",\"SageMakerOutput\":{\"sum\":7}}\n",
          ws().out("a.jsonl.out"));
    }
  }

  @Test
  void joinedAnswers_arrivingOutOfOrder_areAssembledAtOnceAndWrittenInInputOrder()
      throws Exception {
    StringBuilder input = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      input.append("{\"id\":").append(i).append(",\"x\":").append(i).append("}\n");
      expected.append("{\"id\":").append(i).append(",\"SageMakerOutput\":").append(i * 2);
      expected.append("}\n");
    }
    ws().in("a.jsonl", input.toString());
    try (FakeContainer fake =
        FakeContainer.start(
            r -> {
              int x = Integer.parseInt(r.text().trim());
              return Reply.ok(String.valueOf(x * 2)).after(x % 4 == 0 ? 40 : x % 3);
            })) {
      var request = jsonLinesJoin().set("MaxConcurrentTransforms", 4);
      assertTrue(Harness.endpoints(fake.uri()).run(request).completed());
      assertEquals(expected.toString(), ws().out("a.jsonl.out"));
      assertTrue(fake.maxInFlight() <= 4, "in flight: " + fake.maxInFlight());
      assertTrue(fake.maxInFlight() >= 2, "in flight: " + fake.maxInFlight());
    }
  }

  @Test
  void answerTheJoinCannotUse_failsTheFileNamingTheRecord_noOutput() throws Exception {
    ws().in("a.jsonl", "{\"id\":1,\"x\":1}\n{\"id\":2,\"x\":2}\n{\"id\":3,\"x\":3}\n");
    try (FakeContainer fake =
        FakeContainer.start(r -> Reply.ok(r.text().trim().equals("2") ? "{broken" : "0.5"))) {
      var outcome =
          Harness.endpoints(fake.uri()).run(jsonLinesJoin().set("MaxConcurrentTransforms", 2));
      assertTrue(
          outcome.failureReason().contains("record 2: response record is not JSON"),
          outcome.failureReason());
      assertFalse(Files.exists(dir.resolve("out/a.jsonl.out")));
    }
  }

  private JobRequest jsonLinesJoin() {
    return Harness.job(dir.resolve("in"), dir.resolve("out"))
        .set("TransformInput.ContentType", "application/jsonlines")
        .set("TransformInput.SplitType", "Line")
        .set("TransformOutput.Accept", "application/jsonlines")
        .set("TransformOutput.AssembleWith", "Line")
        .set("BatchStrategy", "SingleRecord")
        .set("DataProcessing.InputFilter", "$.x")
        .set("DataProcessing.JoinSource", "Input")
        .set("DataProcessing.OutputFilter", "$['id','SageMakerOutput']");
  }

  @Test
  void jsonResponseToMultiRecordJoin_failsSayingWhy() throws Exception {
    ws().in("a.jsonl", "{\"id\":1}\n{\"id\":2}\n");
    try (FakeContainer fake = FakeContainer.start(r -> Reply.ok("{\"predictions\":[1,2]}"))) {
      var request =
          Harness.job(dir.resolve("in"), dir.resolve("out"))
              .set("TransformInput.ContentType", "application/jsonlines")
              .set("TransformInput.SplitType", "Line")
              .set("TransformOutput.Accept", "application/json")
              .set("TransformOutput.AssembleWith", "Line")
              .set("BatchStrategy", "MultiRecord")
              .set("DataProcessing.JoinSource", "Input");
      var outcome = Harness.endpoints(fake.uri()).run(request);
      assertTrue(
          outcome
              .failureReason()
              .contains(
                  "holds 1 record(s) for a request of 2 (application/json is one "
                      + "record per response"),
          outcome.failureReason());
    }
  }

  @Test
  void badRecordForTheInputFilter_failsTheFileNamingTheRecord() throws Exception {
    ws().in("a.jsonl", "{\"x\":1}\nnot json\n");
    try (FakeContainer fake = FakeContainer.start(FakeContainer.ECHO)) {
      var request =
          Harness.job(dir.resolve("in"), dir.resolve("out"))
              .set("TransformInput.ContentType", "application/jsonlines")
              .set("TransformInput.SplitType", "Line")
              .set("DataProcessing.InputFilter", "$.x");
      var outcome = Harness.endpoints(fake.uri()).run(request);
      assertTrue(
          outcome.failureReason().contains("record 2: input record is not JSON"),
          outcome.failureReason());
      assertEquals(0, fake.requests().size());
    }
  }

  @Test
  void tfRecord_singleRecordSendsPayloadsAndMultiRecordSendsFrames() throws Exception {
    Path file = dir.resolve("in/a.tfrecord");
    Files.createDirectories(file.getParent());
    byte[] frames = RecordReaderTest.tfRecord("one", "two");
    Files.write(file, frames);
    try (FakeContainer fake = FakeContainer.start(r -> Reply.ok("<" + r.body().length + ">"))) {
      var single =
          Harness.job(dir.resolve("in"), dir.resolve("out"))
              .set("TransformInput.SplitType", "TFRecord")
              .set("BatchStrategy", "SingleRecord")
              .set("TransformOutput.AssembleWith", "Line");
      assertTrue(Harness.endpoints(fake.uri()).run(single).completed());
      assertEquals(
          List.of("one", "two"),
          fake.requests().stream().map(FakeContainer.Request::text).toList());
      assertEquals("<3>\n<3>\n", ws().out("a.tfrecord.out"));
      var multi = single.set("BatchStrategy", "MultiRecord");
      assertTrue(Harness.endpoints(fake.uri()).run(multi).completed());
      assertEquals(3, fake.requests().size());
      Assertions.assertArrayEquals(frames, fake.requests().get(2).body());
    }
  }
}
