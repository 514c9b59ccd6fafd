package io.batchserve.loadtest.report;

import java.util.Locale;

/** Draws into an SVG document held as text. */
final class SvgCanvas implements Canvas {
  private final StringBuilder svg = new StringBuilder();

  SvgCanvas(int width, int height) {
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String color, double width) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%.1f\"/>\n",
            x1,
            y1,
            x2,
            y2,
            color,
            width));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String color, double width) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], ys[i]));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
            points,
            color,
            width));
  }

  @Override
  public void dot(double x, double y, double radius, String color) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n",
            x,
            y,
            radius,
            color));
  }

  @Override
  public void ring(double x, double y, double radius, String color, double width) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" "
                + "stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
            x,
            y,
            radius,
            color,
            width));
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
            x,
            y,
            width,
            height,
            fill));
  }

  @Override
  public void text(
      double x, double y, String text, double size, Anchor anchor, boolean bold, boolean vertical) {
    String anchorName =
        switch (anchor) {
          case START -> "start";
          case MIDDLE -> "middle";
          case END -> "end";
        };
    String rotate =
        vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : "";
    svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" text-anchor=\"%s\"%s%s>",
                x,
                y,
                size,
                anchorName,
                bold ? " font-weight=\"bold\"" : "",
                rotate))
        .append(Html.escape(text))
        .append("</text>\n");
  }

  String finish() {
    return svg + "</svg>";
  }
}
