package io.batchserve.transform.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultipartTest {
  @Test
  void partSizeFor_smallFiles_keepsTheConfiguredSize() {
    assertEquals(64L << 20, Multipart.DEFAULT.partSizeFor(200L << 20));
  }

  @Test
  void partSizeFor_hugeFile_growsToStayWithinTenThousandParts() {
    long size = 5L << 40; // 5 TiB, S3's largest object
    long part = Multipart.DEFAULT.partSizeFor(size);
    assertTrue(
        (size + part - 1) / part <= Multipart.MAX_PARTS, "parts: " + (size + part - 1) / part);
    assertTrue(part > 64L << 20);
  }

  @Test
  void new_partUnderFiveMebibytes_isRejectedNamingTheValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Multipart(100L << 20, 1000));
    assertTrue(e.getMessage().contains("1000"), e.getMessage());
  }

  @Test
  void new_thresholdOverTheSinglePutLimit_isRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Multipart(6L << 30, 64L << 20));
    assertTrue(e.getMessage().contains("single-PUT limit"), e.getMessage());
  }
}
