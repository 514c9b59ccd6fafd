package io.batchserve.transform.run;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackerTest {
  private static Packer packer(String input, long limit, boolean multi, RecordProcessor processor) {
    BatchStrategy strategy = multi ? BatchStrategy.MULTI_RECORD : BatchStrategy.SINGLE_RECORD;
    RecordReader reader = RecordReader.open(SplitType.Line, strategy,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), limit);
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
    // records of 4 bytes each ("aaa\n"), limit 10 bytes: 2 per request, exactly at the limit allowed
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
    RecordProcessor p = RecordProcessor.of("text/csv", "$[1:]", JoinSource.Input, "$", SliceEnd.INCLUSIVE);
    Batch batch = packer("id1,5\nid2,6\n", 100, true, p).next();
    assertEquals(2, batch.records());
    assertEquals(4, batch.payload().bytes(), "\"5\\n6\\n\"");
    assertEquals("id1,5\n", new String(batch.originals().get(0), StandardCharsets.UTF_8));
  }
}
