package io.batchserve.loadtest.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders charts as inline SVG for HTML pages and as one PNG image with the charts side by side.
 */
public final class Charts {
  public static final int WIDTH = 640;
  public static final int HEIGHT = 420;

  private Charts() {}

  public static String svg(Chart chart) {
    SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT);
    canvas.rect(0, 0, WIDTH, HEIGHT, "#ffffff");
    ChartRenderer.draw(chart, canvas, 0, 0, WIDTH, HEIGHT);
    return canvas.finish();
  }

  /** The charts in a row of {@code columns} per line, white background. Runs headless. */
  public static BufferedImage image(List<Chart> charts, int columns) {
    System.setProperty("java.awt.headless", "true");
    int rows = (charts.size() + columns - 1) / columns;
    BufferedImage image =
        new BufferedImage(
            WIDTH * Math.min(columns, charts.size()), HEIGHT * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      PngCanvas canvas = new PngCanvas(g);
      for (int i = 0; i < charts.size(); i++) {
        ChartRenderer.draw(
            charts.get(i), canvas, (i % columns) * WIDTH, (i / columns) * HEIGHT, WIDTH, HEIGHT);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  public static void writePng(List<Chart> charts, int columns, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image(charts, columns), "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
