package io.batchserve.loadtest.report;

/**
 * The few drawing operations a chart needs, so that one layout renders to SVG and to a PNG alike.
 */
interface Canvas {
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void line(double x1, double y1, double x2, double y2, String color, double width);

  void polyline(double[] xs, double[] ys, String color, double width);

  void dot(double x, double y, double radius, String color);

  /** A circle's outline. */
  void ring(double x, double y, double radius, String color, double width);

  void rect(double x, double y, double width, double height, String fill);

  /** Text whose baseline starts, centres or ends at (x, y); vertical text reads bottom to top. */
  void text(
      double x, double y, String text, double size, Anchor anchor, boolean bold, boolean vertical);
}
