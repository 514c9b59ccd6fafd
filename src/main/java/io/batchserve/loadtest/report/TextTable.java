package io.batchserve.loadtest.report;

import java.util.List;

/** Fixed-width terminal tables, printed a row at a time so that progress shows as runs finish. */
public final class TextTable {
  private final int[] widths;

  /**
   * @param widths one per column; a negative width aligns the column left
   */
  public TextTable(int... widths) {
    this.widths = widths.clone();
  }

  public String row(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      int width = i < widths.length ? widths[i] : 0;
      String cell = cells.get(i);
      String pad = " ".repeat(Math.max(0, Math.abs(width) - cell.length()));
      line.append(i == 0 ? "" : "  ").append(width < 0 ? cell + pad : pad + cell);
    }
    return line.toString().stripTrailing();
  }

  public String rule() {
    int total = 0;
    for (int width : widths) {
      total += Math.abs(width) + 2;
    }
    return "-".repeat(Math.max(0, total - 2));
  }
}
