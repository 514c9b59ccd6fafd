package io.batchserve.loadtest.report;

import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page: inline style and SVG, no scripts, no links to anything outside the
 * file.
 */
public final class Html {
  private static final String STYLE =
      String.join(
          "",
          "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222}",
          "table{border-collapse:collapse;font-size:13px;margin:8px 0 16px}",
          "th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f2f2f2}",
          "td:first-child,th:first-child,td.l{text-align:left}",
          "pre{background:#f6f6f6;padding:8px;white-space:pre-wrap}",
          "svg{margin:4px 12px 4px 0;border:1px solid #eee}table.kv td{text-align:left}");

  private final StringBuilder body = new StringBuilder();
  private final String title;

  public Html(String title) {
    this.title = title;
    heading(1, title);
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  public Html heading(int level, String text) {
    body.append("<h")
        .append(level)
        .append('>')
        .append(escape(text))
        .append("</h")
        .append(level)
        .append(">\n");
    return this;
  }

  public Html paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  public Html code(String text) {
    body.append("<pre>").append(escape(text)).append("</pre>\n");
    return this;
  }

  public Html list(List<String> items) {
    body.append("<ul>\n");
    items.forEach(item -> body.append("<li>").append(escape(item)).append("</li>\n"));
    body.append("</ul>\n");
    return this;
  }

  public Html table(List<String> headers, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    headers.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> row : rows) {
      body.append("<tr>");
      row.forEach(cell -> body.append("<td>").append(escape(cell)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** A two-column table of names and values, left-aligned. */
  public Html keyValues(Map<String, String> entries) {
    body.append("<table class=\"kv\">\n");
    entries.forEach(
        (key, value) ->
            body.append("<tr><td>")
                .append(escape(key))
                .append("</td><td>")
                .append(escape(value))
                .append("</td></tr>\n"));
    body.append("</table>\n");
    return this;
  }

  /** Inline SVG charts, side by side when the page is wide enough. */
  public Html charts(List<Chart> charts) {
    body.append("<div>\n");
    charts.forEach(chart -> body.append(Charts.svg(chart)).append('\n'));
    body.append("</div>\n");
    return this;
  }

  public String page() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<style>"
        + STYLE
        + "</style>\n</head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }
}
