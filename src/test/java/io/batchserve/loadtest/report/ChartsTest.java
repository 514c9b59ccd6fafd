package io.batchserve.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  private static final Chart CHART =
      new Chart(
          "Throughput",
          "concurrency",
          "records/s",
          true,
          List.of(
              new Chart.Series(
                  "6 MB",
                  List.of(
                      new Chart.Point(1, 1000),
                      new Chart.Point(2, 1800),
                      new Chart.Point(4, 1900)))));

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
  void svg_marksBarsAndSubtitle_areDrawn() {
    Chart chart =
        new Chart(
                "Throughput",
                "concurrency",
                "records/s",
                true,
                List.of(
                    new Chart.Series(
                        "6 MB",
                        List.of(new Chart.Point(1, 1000, 900, 1200), new Chart.Point(2, 1800)))))
            .withSubtitle("churn; 2026-12-01")
            .withMarks(List.of(new Chart.Mark(2, 1800, "recommended: 6 MB x 2")));

    String svg = Charts.svg(chart);

    assertTrue(svg.contains(">churn; 2026-12-01</text>"), svg);
    assertTrue(svg.contains(">recommended: 6 MB x 2</text>"), svg);
    assertTrue(svg.contains("fill=\"none\" stroke=\"#111111\""), "the ring round the marked point");
    assertEquals(
        3,
        svg.lines().filter(line -> line.startsWith("<line") && line.contains("#1f6fb4")).count(),
        "one error bar: a vertical line and two caps in the series' colour");
  }

  @Test
  void wrap_longSubtitle_breaksAtTheSeparatorsIntoTwoLines() {
    assertEquals(
        List.of("churn (CSV), 2 workers; 2026-12-01T03:43:44Z;", "2 processors, load 1.75"),
        ChartRenderer.wrap(
            "churn (CSV), 2 workers; 2026-12-01T03:43:44Z; 2 processors, load 1.75", 50));
    assertEquals(List.of("short"), ChartRenderer.wrap("short", 50));
    assertEquals(2, ChartRenderer.wrap("a; ".repeat(100), 20).size());
  }

  @Test
  void svg_logY_ticksArePowersOfTen() {
    Chart chart =
        new Chart(
                "Cost",
                "instances",
                "USD",
                false,
                List.of(
                    new Chart.Series(
                        "batch", List.of(new Chart.Point(1, 0.5), new Chart.Point(2, 0.6))),
                    new Chart.Series(
                        "endpoint", List.of(new Chart.Point(1, 80), new Chart.Point(2, 80)))))
            .withLogY();

    String svg = Charts.svg(chart);

    for (String tick : List.of(">0.1</text>", ">1</text>", ">10</text>", ">100</text>")) {
      assertTrue(svg.contains(tick), tick + " in " + svg);
    }
  }

  @Test
  void svg_percentileAxis_labelsTheTail() {
    Chart chart =
        new Chart(
            "Latency by percentile",
            "",
            Chart.Scale.PERCENTILE,
            "percentile",
            "ms",
            false,
            List.of(
                new Chart.Series(
                    "2 MB x 2",
                    List.of(
                        new Chart.Point(50, 10),
                        new Chart.Point(99, 40),
                        new Chart.Point(99.9, 55)))),
            List.of());

    String svg = Charts.svg(chart);

    for (String tick : List.of(">0%</text>", ">90%</text>", ">99%</text>", ">99.9%</text>")) {
      assertTrue(svg.contains(tick), tick + " in " + svg);
    }
    assertTrue(!svg.contains(">99.99%</text>"), "no tick past the data");
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
