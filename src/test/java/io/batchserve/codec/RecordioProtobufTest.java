package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.batchserve.testing.RecordioEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordioProtobufTest {
  private static final float NAN = Float.NaN;

  @Test
  void parse_denseRows_areOneMatrix() {
    byte[] body = new RecordioEncoder().dense(1.5f, -2f, 0f).dense(NAN, 3.25f, 7f).bytes();
    RecordioProtobuf.Rows rows = RecordioProtobuf.parse(body, body.length, 3);
    assertNull(rows.sparse());
    assertEquals(2, rows.dense().rows());
    assertArrayEquals(new float[] {1.5f, -2f, 0f, NAN, 3.25f, 7f}, rows.dense().values());
  }

  @Test
  void parse_sparseAndDenseRows_areSparseWithAbsentFeaturesMissing() {
    byte[] body =
        new RecordioEncoder()
            .dense(1f, 2f, 3f)
            .sparse(3, new long[] {2, 0}, 9f, 8f)
            .sparse(3, new long[] {}, new float[0])
            .bytes();
    SparseRows rows = RecordioProtobuf.parse(body, body.length, 3).sparse();
    assertEquals(3, rows.rows());
    float[] dense = rows.toDense();
    assertArrayEquals(new float[] {1f, 2f, 3f, 8f, NAN, 9f, NAN, NAN, NAN}, dense);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void parse_float64AndInt32Tensors_packedOrNot_readAsFloats(boolean packed) {
    byte[] body =
        new RecordioEncoder()
            .row(RecordioEncoder.FLOAT64, new double[] {0.1, -1e300 * 0, 2.5}, null, null, packed)
            .row(RecordioEncoder.INT32, new double[] {-3, 0, 70000}, null, null, packed)
            .bytes();
    float[] values = RecordioProtobuf.parse(body, body.length, 3).dense().values();
    assertArrayEquals(new float[] {0.1f, -0f, 2.5f, -3f, 0f, 70000f}, values);
  }

  @Test
  void parse_badInput_namesTheRecordAndItsByte() {
    byte[] good = new RecordioEncoder().dense(1f, 2f).bytes();
    int second = good.length;
    assertProblem(
        withSecond(good, b -> b[0] = 9), "record 2 (byte " + second + "): not a RecordIO record");
    assertProblem(
        Arrays.copyOf(good, good.length + 5),
        "record 2 (byte " + second + "): a RecordIO header needs 8 bytes");
    assertProblem(Arrays.copyOf(good, good.length - 4), "record 1 (byte 0): the record says");
    assertProblem(flagged(good), "record 1 (byte 0): a record split into parts (flag 1)");
    assertProblem(
        new RecordioEncoder().dense(1f, 2f, 3f).bytes(),
        "record 1 (byte 0): 3 values, but the model has 2 features");
    assertProblem(
        new RecordioEncoder().sparse(2, new long[] {5}, 1f).bytes(),
        "key 5 is not a feature of 0..1");
    assertProblem(
        new RecordioEncoder().sparse(2, new long[] {1, 1}, 1f, 2f).bytes(), "key 1 appears twice");
    assertProblem(
        new RecordioEncoder().sparse(2, new long[] {0, 1}, 1f).bytes(), "2 keys for 1 values");
    assertProblem(
        new RecordioEncoder().sparse(9, new long[] {0}, 1f).bytes(),
        "shape 9 is wider than the model's 2 features");
    assertProblem(
        new RecordioEncoder().raw(new byte[] {10, 3, 1}).bytes(), "not a valid protobuf Record");
    assertProblem(new RecordioEncoder().raw(new byte[] {(byte) 0x80}).bytes(), "runs past the end");
    assertProblem(new RecordioEncoder().raw(new byte[0]).bytes(), "no feature named 'values'");
    assertProblem(
        new RecordioEncoder().raw(bytesFeature()).bytes(), "the 'values' feature is Bytes");
    assertProblem(new byte[0], "request body is empty");
  }

  private static void assertProblem(byte[] body, String expected) {
    BadInputException e =
        assertThrows(BadInputException.class, () -> RecordioProtobuf.parse(body, body.length, 2));
    assertEquals(true, e.getMessage().contains(expected), e.getMessage());
  }

  private static byte[] withSecond(byte[] record, Consumer<byte[]> change) {
    byte[] second = record.clone();
    change.accept(second);
    byte[] both = Arrays.copyOf(record, record.length * 2);
    System.arraycopy(second, 0, both, record.length, second.length);
    return both;
  }

  private static byte[] flagged(byte[] record) {
    byte[] copy = record.clone();
    copy[7] |= 0x20;
    return copy;
  }

  /** A Record whose features["values"] is a Bytes value (Value field 9). */
  private static byte[] bytesFeature() {
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    value.write(9 << 3 | 2);
    value.write(0);
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.write(1 << 3 | 2);
    entry.write(6);
    entry.writeBytes("values".getBytes(StandardCharsets.US_ASCII));
    entry.write(2 << 3 | 2);
    entry.write(value.size());
    entry.writeBytes(value.toByteArray());
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(1 << 3 | 2);
    record.write(entry.size());
    record.writeBytes(entry.toByteArray());
    return record.toByteArray();
  }
}
