package io.batchserve.loadtest;

import io.batchserve.config.SageMakerLimits;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs records into request bodies as Batch Transform does: each record is one line ending in
 * {@code \n}; MultiRecord puts as many whole records in a body as fit in MaxPayloadInMB (1 MB =
 * 1,048,576 bytes), SingleRecord sends one record per body. Records are reused round the list when
 * a body needs more than the files hold.
 */
final class BodyPacker {
  /**
   * Distinct MultiRecord bodies kept in memory are at most this many MB together (and at most 4).
   */
  private static final int BODY_MEMORY_MB = 64;

  private BodyPacker() {}

  static PayloadBodies multiRecord(RecordSet set, int payloadMb) {
    if (payloadMb < 1 || payloadMb > SageMakerLimits.MAX_PAYLOAD_MB) {
      throw new IllegalArgumentException("payload must be 1..100 MB: " + payloadMb);
    }
    long limit = payloadMb * SageMakerLimits.MEBIBYTE;
    requireFits(set, limit, payloadMb);
    int distinct = Math.max(1, Math.min(4, BODY_MEMORY_MB / payloadMb));
    List<PackedBody> bodies = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      bodies.add(pack(set.records(), i * set.records().size() / distinct, limit));
    }
    return new PayloadBodies(PayloadBodies.MULTI_RECORD, payloadMb, bodies);
  }

  static PayloadBodies singleRecord(RecordSet set) {
    List<PackedBody> bodies = new ArrayList<>();
    for (byte[] record : set.records()) {
      byte[] line = new byte[record.length + 1];
      System.arraycopy(record, 0, line, 0, record.length);
      line[record.length] = '\n';
      bodies.add(new PackedBody(line, 1));
    }
    long mb = SageMakerLimits.MEBIBYTE;
    int payloadMb = (int) Math.max(1, (set.maxRecordBytes() + 1 + mb - 1) / mb);
    return new PayloadBodies(PayloadBodies.SINGLE_RECORD, payloadMb, bodies);
  }

  private static PackedBody pack(List<byte[]> records, int first, long limit) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(limit, Integer.MAX_VALUE - 8));
    int count = 0;
    for (int i = first; ; i = (i + 1) % records.size()) {
      byte[] record = records.get(i);
      if (out.size() + record.length + 1 > limit) {
        return new PackedBody(out.toByteArray(), count);
      }
      out.write(record, 0, record.length);
      out.write('\n');
      count++;
    }
  }

  private static void requireFits(RecordSet set, long limit, int payloadMb) {
    if (set.maxRecordBytes() + 1 > limit) {
      throw new IllegalArgumentException(
          "a record of "
              + set.maxRecordBytes()
              + " bytes does not fit in "
              + payloadMb
              + " MB: raise the payload size");
    }
  }
}
