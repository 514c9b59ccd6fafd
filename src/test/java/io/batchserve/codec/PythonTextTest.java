package io.batchserve.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PythonTextTest {
  @Test
  void repr_knownValues_matchCPython() {
    // Each right-hand side is what CPython 3.11 prints for repr(float(x)).
    assertEquals("0.43861907720565796", PythonText.repr((double) 0.43861908f));
    assertEquals("1.0", PythonText.repr(1.0));
    assertEquals("-0.0", PythonText.repr(-0.0));
    assertEquals("0.0001", PythonText.repr(0.0001));
    assertEquals("1e-05", PythonText.repr(0.00001));
    assertEquals("1.5e-07", PythonText.repr(1.5e-7));
    assertEquals("1234.5", PythonText.repr(1234.5));
    assertEquals("1e+16", PythonText.repr(1e16));
    assertEquals("9999999999999998.0", PythonText.repr(9999999999999998.0));
    assertEquals("1.2345678901234567e+19", PythonText.repr(1.2345678901234567e19));
    assertEquals("0.1", PythonText.repr(0.1));
    assertEquals("0.30000000000000004", PythonText.repr(0.1 + 0.2));
    assertEquals("5e-324", PythonText.repr(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", PythonText.repr(Double.MAX_VALUE));
    assertEquals("0.002", PythonText.repr(0.002));
    assertEquals("nan", PythonText.repr(Double.NaN));
    assertEquals("-inf", PythonText.repr(Double.NEGATIVE_INFINITY));
  }

  @Test
  void json_nonFinite_writesWhatJsonDumpsWrites() {
    assertEquals("NaN", PythonText.json(Double.NaN));
    assertEquals("Infinity", PythonText.json(Double.POSITIVE_INFINITY));
    assertEquals("0.5", PythonText.json(0.5));
  }

  @Test
  void repr_randomDoubles_readBackExactly() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 100_000; i++) {
      double x = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        continue;
      }
      String repr = PythonText.repr(x);
      assertEquals(x, Double.parseDouble(repr), repr);
    }
  }

  @Test
  void repr_randomFloatsAndDoubles_matchPythonItself() throws Exception {
    assumeTrue(python(), "python3 is not on PATH: the comparison with CPython's repr is skipped");
    SplittableRandom random = new SplittableRandom(11);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      values.add(
          i % 2 == 0
              ? (double) Float.intBitsToFloat(random.nextInt())
              : Double.longBitsToDouble(random.nextLong()));
    }
    values.removeIf(v -> Double.isNaN(v) || Double.isInfinite(v));
    StringBuilder input = new StringBuilder();
    for (double v : values) {
      input.append(Long.toHexString(Double.doubleToRawLongBits(v))).append('\n');
    }
    Process python =
        new ProcessBuilder(
                "python3",
                "-c",
                "import struct,sys\n"
                    + "for h in sys.stdin.read().split():\n"
                    + "  print(repr(struct.unpack('>d', bytes.fromhex(h.zfill(16)))[0]))")
            .start();
    try (var in = python.getOutputStream()) {
      in.write(input.toString().getBytes(StandardCharsets.US_ASCII));
    }
    List<String> expected =
        new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
            .lines()
            .toList();
    assertEquals(0, python.waitFor());
    assertEquals(values.size(), expected.size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(expected.get(i), PythonText.repr(values.get(i)), "value " + i);
    }
  }

  private static boolean python() {
    try {
      return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
