package io.batchserve.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Draws with Java2D onto an image's graphics (headless; no display needed). */
final class PngCanvas implements Canvas {
  private final Graphics2D g;

  PngCanvas(Graphics2D g) {
    this.g = g;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String color, double width) {
    stroke(color, width);
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String color, double width) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < xs.length; i++) {
      if (i == 0) {
        path.moveTo(xs[i], ys[i]);
      } else {
        path.lineTo(xs[i], ys[i]);
      }
    }
    stroke(color, width);
    g.draw(path);
  }

  @Override
  public void dot(double x, double y, double radius, String color) {
    g.setColor(Color.decode(color));
    g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
  }

  @Override
  public void ring(double x, double y, double radius, String color, double width) {
    g.setColor(Color.decode(color));
    g.setStroke(new BasicStroke((float) width));
    g.draw(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    g.setColor(Color.decode(fill));
    g.fill(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void text(
      double x, double y, String text, double size, Anchor anchor, boolean bold, boolean vertical) {
    Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size));
    g.setFont(font);
    g.setColor(Color.BLACK);
    double width = g.getFontMetrics().stringWidth(text);
    double shift =
        switch (anchor) {
          case START -> 0;
          case MIDDLE -> -width / 2;
          case END -> -width;
        };
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    if (vertical) {
      g.rotate(-Math.PI / 2);
    }
    g.drawString(text, (float) shift, 0f);
    g.setTransform(saved);
  }

  private void stroke(String color, double width) {
    g.setColor(Color.decode(color));
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }
}
