package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.config.SageMakerLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyPackerTest {
  private static RecordSet records(int count, int bytes) {
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(String.format("%0" + bytes + "d", i).getBytes(StandardCharsets.US_ASCII));
    }
    return new RecordSet(RecordFiles.CSV, records);
  }

  @Test
  void multiRecord_packsWholeLinesUpToThePayload() {
    // 1,000 records of 99 bytes + \n: a 1 MB body holds 10,485 of them, reusing the records round
    // the list.
    PayloadBodies payload = BodyPacker.multiRecord(records(1000, 99), 1);

    assertEquals(4, payload.bodies().size());
    for (PackedBody body : payload.bodies()) {
      assertEquals(10_485, body.records());
      assertEquals(1_048_500, body.bytes().length);
      assertEquals('\n', body.bytes()[body.bytes().length - 1]);
      assertEquals(body.records(), HttpSender.lines(body.bytes()));
    }
    // Bodies start at different records, so the server does not see one body over and over.
    assertTrue(
        new String(payload.bodies().get(1).bytes(), 0, 99, StandardCharsets.US_ASCII)
            .endsWith("250"));
  }

  @Test
  void multiRecord_largePayload_keepsFewerBodiesInMemory() {
    assertEquals(2, BodyPacker.multiRecord(records(10, 9), 30).bodies().size());
    assertEquals(1, BodyPacker.multiRecord(records(10, 9), 100).bodies().size());
  }

  @Test
  void multiRecord_recordLargerThanThePayload_isRefused() {
    RecordSet huge =
        new RecordSet(RecordFiles.CSV, List.of(new byte[(int) SageMakerLimits.MEBIBYTE]));

    var e = assertThrows(IllegalArgumentException.class, () -> BodyPacker.multiRecord(huge, 1));
    assertTrue(e.getMessage().contains("does not fit in 1 MB"), e.getMessage());
  }

  @Test
  void multiRecord_payloadOutOfRange_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> BodyPacker.multiRecord(records(1, 1), 0));
    assertThrows(IllegalArgumentException.class, () -> BodyPacker.multiRecord(records(1, 1), 101));
  }

  @Test
  void singleRecord_oneLinePerBody() {
    PayloadBodies payload = BodyPacker.singleRecord(records(3, 5));

    assertEquals(3, payload.bodies().size());
    assertEquals("00001\n", new String(payload.body(4).bytes(), StandardCharsets.US_ASCII));
    assertEquals(1, payload.payloadMb());
    assertEquals(PayloadBodies.SINGLE_RECORD, payload.label());
  }
}
