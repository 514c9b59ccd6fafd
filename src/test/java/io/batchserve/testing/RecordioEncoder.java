package io.batchserve.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code application/x-recordio-protobuf} bodies for tests, from the published definitions
 * alone (SageMaker Developer Guide: the {@code aialgs.data.Record} message; MXNet's RecordIO
 * framing), independently of the server's reader: each row becomes a Record whose {@code features}
 * map holds {@code "values"} and whose {@code label} map holds a label, framed with the magic, the
 * length and zero padding to 4 bytes.
 */
public final class RecordioEncoder {
  /** Tensor kinds by their field number in {@code Value}. */
  public static final int FLOAT32 = 2;

  public static final int FLOAT64 = 3;
  public static final int INT32 = 7;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A dense float32 row, packed. */
  public RecordioEncoder dense(float... values) {
    return record(tensor(FLOAT32, doubles(values), null, null, true));
  }

  /** A sparse float32 row: {@code keys[i]} is the 0-based feature of {@code values[i]}. */
  public RecordioEncoder sparse(long width, long[] keys, float... values) {
    return record(tensor(FLOAT32, doubles(values), keys, new long[] {width}, true));
  }

  /**
   * Any row: a tensor of {@code kind}, its values, keys and shape (null to leave out), packed or
   * not.
   */
  public RecordioEncoder row(int kind, double[] values, long[] keys, long[] shape, boolean packed) {
    return record(tensor(kind, values, keys, shape, packed));
  }

  /** A record of raw message bytes, framed. */
  public RecordioEncoder raw(byte[] record) {
    writeIntLe(out, 0xced7230a);
    writeIntLe(out, record.length);
    out.writeBytes(record);
    out.writeBytes(new byte[(4 - record.length % 4) % 4]);
    return this;
  }

  public byte[] bytes() {
    return out.toByteArray();
  }

  /** The Record message: a label first (so the reader cannot rely on order), then the row. */
  private RecordioEncoder record(byte[] tensorValue) {
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    field(record, 2, mapEntry("values", tensor(FLOAT32, new double[] {1}, null, null, true)));
    field(record, 1, mapEntry("values", tensorValue));
    field(record, 3, "uid-1".getBytes(StandardCharsets.UTF_8));
    return raw(record.toByteArray());
  }

  private static byte[] mapEntry(String key, byte[] value) {
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    field(entry, 1, key.getBytes(StandardCharsets.UTF_8));
    field(entry, 2, value);
    return entry.toByteArray();
  }

  /** A {@code Value} holding one tensor message. */
  public static byte[] tensor(
      int kind, double[] values, long[] keys, long[] shape, boolean packed) {
    ByteArrayOutputStream tensor = new ByteArrayOutputStream();
    if (packed) {
      ByteArrayOutputStream numbers = new ByteArrayOutputStream();
      for (double v : values) {
        number(numbers, kind, v);
      }
      field(tensor, 1, numbers.toByteArray());
    } else {
      for (double v : values) {
        varint(tensor, 1L << 3 | (kind == FLOAT32 ? 5 : kind == FLOAT64 ? 1 : 0));
        number(tensor, kind, v);
      }
    }
    if (keys != null) {
      ByteArrayOutputStream packedKeys = new ByteArrayOutputStream();
      for (long k : keys) {
        varint(packedKeys, k);
      }
      field(tensor, 2, packedKeys.toByteArray());
    }
    if (shape != null) {
      ByteArrayOutputStream packedShape = new ByteArrayOutputStream();
      for (long s : shape) {
        varint(packedShape, s);
      }
      field(tensor, 3, packedShape.toByteArray());
    }
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    field(value, kind, tensor.toByteArray());
    return value.toByteArray();
  }

  private static void number(ByteArrayOutputStream out, int kind, double v) {
    if (kind == FLOAT32) {
      writeIntLe(out, Float.floatToIntBits((float) v));
    } else if (kind == FLOAT64) {
      long bits = Double.doubleToLongBits(v);
      writeIntLe(out, (int) bits);
      writeIntLe(out, (int) (bits >>> 32));
    } else {
      varint(out, (long) (int) v); // int32: negative values take ten bytes, sign-extended
    }
  }

  /** A length-delimited field. */
  private static void field(ByteArrayOutputStream out, int number, byte[] bytes) {
    varint(out, (long) number << 3 | 2);
    varint(out, bytes.length);
    out.writeBytes(bytes);
  }

  public static void varint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  private static double[] doubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
