package io.batchserve.transform.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.config.BatchStrategy;
import io.batchserve.transform.job.SplitType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

public class RecordReaderTest {
  private static List<String> read(
      SplitType split, BatchStrategy strategy, byte[] input, long limit) throws IOException {
    RecordReader reader =
        RecordReader.open(split, strategy, new ByteArrayInputStream(input), limit);
    List<String> records = new ArrayList<>();
    for (byte[] r = reader.next(); r != null; r = reader.next()) {
      records.add(new String(r, StandardCharsets.ISO_8859_1));
    }
    return records;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void line_keepsTerminatorsBlankLinesAndCarriageReturns() throws IOException {
    assertEquals(
        List.of("a\r\n", "\n", "b\n"),
        read(SplitType.Line, BatchStrategy.MULTI_RECORD, bytes("a\r\n\nb"), 0));
  }

  @Test
  void line_longLinesAcrossBuffers_areWhole() throws IOException {
    String longLine = "x".repeat(200_000);
    assertEquals(
        List.of(longLine + "\n", "y\n"),
        read(SplitType.Line, BatchStrategy.MULTI_RECORD, bytes(longLine + "\ny\n"), 0));
  }

  @Test
  void line_overLimit_failsNamingTheRecordWithoutReadingItAll() {
    var e =
        assertThrows(
            RecordTooLargeException.class,
            () ->
                read(
                    SplitType.Line,
                    BatchStrategy.MULTI_RECORD,
                    bytes("ok\n" + "z".repeat(100_000)),
                    1000));
    assertTrue(e.getMessage().startsWith("record 2 is more than 1000 bytes"), e.getMessage());
  }

  @Test
  void line_binaryBytes_passThroughUnchanged() throws IOException {
    byte[] input = {(byte) 0xff, 0, (byte) 0xc3, '\n', 1};
    RecordReader reader =
        RecordReader.open(
            SplitType.Line, BatchStrategy.SINGLE_RECORD, new ByteArrayInputStream(input), 0);
    assertArrayEquals(new byte[] {(byte) 0xff, 0, (byte) 0xc3, '\n'}, reader.next());
    assertArrayEquals(new byte[] {1, '\n'}, reader.next());
  }

  @Test
  void none_isTheWholeObjectAndEmptyIsNothing() throws IOException {
    assertEquals(
        List.of("a\nb"), read(SplitType.None, BatchStrategy.MULTI_RECORD, bytes("a\nb"), 0));
    assertEquals(List.of(), read(SplitType.None, BatchStrategy.MULTI_RECORD, new byte[0], 0));
    assertThrows(
        RecordTooLargeException.class,
        () -> read(SplitType.None, BatchStrategy.MULTI_RECORD, bytes("abcdef"), 5));
  }

  public static byte[] recordIo(String... payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String payload : payloads) {
      byte[] data = bytes(payload);
      ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt((int) RecordIoReader.MAGIC).putInt(data.length);
      out.writeBytes(header.array());
      out.writeBytes(data);
      out.writeBytes(new byte[(4 - data.length % 4) % 4]);
    }
    return out.toByteArray();
  }

  @Test
  void recordIo_singleRecordStripsFramingAndMultiRecordKeepsIt() throws IOException {
    byte[] file = recordIo("abcde", "xy");
    assertEquals(
        List.of("abcde", "xy"), read(SplitType.RecordIO, BatchStrategy.SINGLE_RECORD, file, 0));
    List<String> framed = read(SplitType.RecordIO, BatchStrategy.MULTI_RECORD, file, 0);
    assertEquals(2, framed.size());
    assertEquals(16, framed.get(0).length(), "8-byte header + 5 bytes padded to 8");
    assertEquals(new String(file, StandardCharsets.ISO_8859_1), String.join("", framed));
  }

  @Test
  void recordIo_badMagicOrTruncation_failsClearly() {
    var magic =
        assertThrows(
            IOException.class,
            () ->
                read(
                    SplitType.RecordIO,
                    BatchStrategy.SINGLE_RECORD,
                    bytes("not recordio at all"),
                    0));
    assertTrue(magic.getMessage().contains("no RecordIO magic"), magic.getMessage());
    byte[] file = recordIo("abcdefgh");
    byte[] truncated = Arrays.copyOf(file, file.length - 3);
    var eof =
        assertThrows(
            IOException.class,
            () -> read(SplitType.RecordIO, BatchStrategy.SINGLE_RECORD, truncated, 0));
    assertTrue(eof.getMessage().contains("ends inside a frame"), eof.getMessage());
  }

  public static byte[] tfRecord(String... payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String payload : payloads) {
      byte[] data = bytes(payload);
      byte[] length =
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
      out.writeBytes(length);
      out.writeBytes(le32(TfRecordReader.maskedCrc(length, 0, 8)));
      out.writeBytes(data);
      out.writeBytes(le32(TfRecordReader.maskedCrc(data, 0, data.length)));
    }
    return out.toByteArray();
  }

  private static byte[] le32(long value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
  }

  @Test
  void tfRecord_singleRecordIsThePayloadAndMultiRecordTheFrame() throws IOException {
    byte[] file = tfRecord("hello", "");
    assertEquals(
        List.of("hello", ""),
        read(SplitType.TFRecord, BatchStrategy.SINGLE_RECORD, file, 0).subList(0, 2));
    List<String> framed = read(SplitType.TFRecord, BatchStrategy.MULTI_RECORD, file, 0);
    assertEquals(21, framed.get(0).length());
    assertEquals(new String(file, StandardCharsets.ISO_8859_1), String.join("", framed));
  }

  @Test
  void tfRecord_corruptChecksum_failsClearly() {
    byte[] file = tfRecord("hello");
    file[14] ^= 1;
    var e =
        assertThrows(
            IOException.class,
            () -> read(SplitType.TFRecord, BatchStrategy.SINGLE_RECORD, file, 0));
    assertTrue(e.getMessage().contains("bad TFRecord data checksum"), e.getMessage());
  }
}
