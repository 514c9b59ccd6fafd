package io.batchserve.transform.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.config.BatchStrategy;
import io.batchserve.transform.job.JoinSource;
import io.batchserve.transform.job.SplitType;
import io.batchserve.transform.process.RecordProcessor;
import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.split.RecordReader;
import io.batchserve.transform.split.RecordTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class PackerTest {
  private static Packer packer(String input, long limit, boolean multi, RecordProcessor processor) {
    BatchStrategy strategy = multi ? BatchStrategy.MULTI_RECORD : BatchStrategy.SINGLE_RECORD;
    RecordReader reader =
        RecordReader.open(
            SplitType.Line,
            strategy,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            limit);
    return new Packer(reader, processor, limit, multi);
  }

  private static List<Integer> sizes(Packer packer) throws IOException {
    List<Integer> sizes = new ArrayList<>();
    for (Batch b = packer.next(); b != null; b = packer.next()) {
      sizes.add(b.records());
      assertTrue(b.payload().bytes() > 0, "never an empty request");
    }
    return sizes;
  }

  @Test
  void multiRecord_packsGreedilyInOrderUpToTheLimit() throws IOException {
    // records of 4 bytes each ("aaa\n"), limit 10 bytes: 2 per request, exactly at the limit
    // allowed
    assertEquals(List.of(2, 2, 1), sizes(packer("aaa\nbbb\nccc\nddd\neee\n", 10, true, null)));
    assertEquals(List.of(2, 1), sizes(packer("aaaa\nbbbb\ncccc\n", 10, true, null)));
  }

  @Test
  void multiRecord_exactFit_isOneRequest() throws IOException {
    assertEquals(List.of(3), sizes(packer("ab\ncd\nef\n", 9, true, null)));
  }

  @Test
  void singleRecord_sendsOneRecordPerRequest() throws IOException {
    assertEquals(List.of(1, 1, 1), sizes(packer("a\nb\nc\n", 100, false, null)));
  }

  @Test
  void unlimited_putsEverythingInOneRequest() throws IOException {
    assertEquals(List.of(4), sizes(packer("a\nb\nc\nd", 0, true, null)));
  }

  @Test
  void emptyInput_hasNoBatch() throws IOException {
    assertNull(packer("", 10, true, null).next());
  }

  @Test
  void recordOverTheLimitInTheMiddle_failsNamingIt() throws IOException {
    Packer packer = packer("a\n" + "x".repeat(20) + "\nb\n", 10, true, null);
    var e = assertThrows(RecordTooLargeException.class, () -> sizes(packer));
    assertTrue(e.getMessage().startsWith("record 2 is"), e.getMessage());
  }

  @Test
  void inputFilter_isAppliedBeforePackingAndOriginalsAreKeptForTheJoin() throws IOException {
    RecordProcessor p =
        RecordProcessor.of("text/csv", "$[1:]", JoinSource.Input, "$", SliceEnd.INCLUSIVE);
    Batch batch = packer("id1,5\nid2,6\n", 100, true, p).next();
    assertEquals(2, batch.records());
    assertEquals(4, batch.payload().bytes(), "\"5\\n6\\n\"");
    assertEquals("id1,5", new String(batch.originals().record(0), StandardCharsets.UTF_8));
    assertEquals("id2,6", new String(batch.originals().record(1), StandardCharsets.UTF_8));
  }

  @Test
  void joinWithoutInputFilter_keepsEachOriginalWithoutItsLineEnd() throws IOException {
    RecordProcessor p =
        RecordProcessor.of("text/csv", "$", JoinSource.Input, "$", SliceEnd.INCLUSIVE);
    Batch batch = packer("a,1\r\n\nb,2\nc,3", 100, true, p).next();
    assertEquals(4, batch.records());
    assertEquals(4, batch.originals().count());
    List<String> originals = new ArrayList<>();
    for (int i = 0; i < batch.originals().count(); i++) {
      originals.add(new String(batch.originals().record(i), StandardCharsets.UTF_8));
    }
    assertEquals(List.of("a,1", "", "b,2", "c,3"), originals);
  }

  private static List<String> batches(BatchSource source) {
    List<String> out = new ArrayList<>();
    try {
      for (Batch b = source.next(); b != null; b = source.next()) {
        out.add(b.firstRecord() + "+" + b.records() + ":" + body(b));
      }
    } catch (IOException e) {
      out.add("error: " + e.getMessage());
    }
    return out;
  }

  private static String body(Batch batch) {
    var sink = new ByteArrayOutputStream();
    var subscriber = HttpResponse.BodySubscribers.ofByteArray();
    batch
        .payload()
        .publisher()
        .subscribe(
            new Flow.Subscriber<>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                sink.writeBytes(bytes);
              }

              @Override
              public void onError(Throwable t) {
                throw new AssertionError(t);
              }

              @Override
              public void onComplete() {}
            });
    subscriber.getBody();
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linePacker_makesTheSameRequestsAsThePacker() {
    Random random = new Random(5);
    for (int i = 0; i < 500; i++) {
      StringBuilder input = new StringBuilder();
      for (int line = random.nextInt(30); line > 0; line--) {
        input.append("x".repeat(random.nextInt(12))).append('\n');
      }
      if (random.nextBoolean()) {
        input.append("y".repeat(random.nextInt(12)));
      }
      int limit = 1 + random.nextInt(40);
      String text = input.toString();
      List<String> expected = batches(packer(text, limit, true, null));
      List<String> actual =
          batches(
              new LinePacker(
                  new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit));
      String what = "limit " + limit + ", input " + text.replace("\n", "|");
      if (expected.isEmpty() || !expected.get(expected.size() - 1).startsWith("error")) {
        assertEquals(expected, actual, what);
      } else {
        // the packer reads one record ahead, so it may fail before sending a batch the bulk packer
        // sends
        assertEquals(expected.get(expected.size() - 1), actual.get(actual.size() - 1), what);
        assertEquals(
            expected.subList(0, expected.size() - 1), actual.subList(0, expected.size() - 1), what);
      }
    }
  }
}
