package io.batchserve.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  private static final Chart CHART = new Chart("Throughput", "concurrency", "records/s", true, List.of(
      new Chart.Series("6 MB", List.of(new Chart.Point(1, 1000), new Chart.Point(2, 1800), new Chart.Point(4, 1900)))));

  @Test
  void svg_drawsTitleLabelsAndOneLinePerSeries() {
    String svg = Charts.svg(CHART);

    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertTrue(svg.contains(">Throughput</text>"));
    assertTrue(svg.contains(">records/s</text>"));
    assertEquals(1, svg.split("<polyline", -1).length - 1);
    assertEquals(3, svg.split("<circle", -1).length - 1);
  }

  @Test
  void image_drawsOnWhiteInColour() {
    BufferedImage image = Charts.image(List.of(CHART, CHART), 2);

    assertEquals(2 * Charts.WIDTH, image.getWidth());
    assertEquals(0xFFFFFF, image.getRGB(2, 2) & 0xFFFFFF);
    boolean coloured = false;
    for (int x = 0; x < image.getWidth() && !coloured; x++) {
      for (int y = 0; y < image.getHeight() && !coloured; y++) {
        coloured = (image.getRGB(x, y) & 0xFFFFFF) == 0x1F6FB4;
      }
    }
    assertTrue(coloured, "the first series' colour is drawn");
  }

  @Test
  void ticks_roundBoundsAndLabels() {
    assertEquals(2000, Ticks.niceCeiling(1995));
    assertEquals(250, Ticks.niceCeiling(201));
    assertEquals("20k", Ticks.label(20_000, 100_000));
    assertEquals("1.5M", Ticks.label(1_500_000, 2_000_000));
    assertEquals("0.25", Ticks.label(0.25, 1));
    assertEquals("800", Ticks.label(800, 1000));
  }
}
