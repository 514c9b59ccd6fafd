package io.batchserve.transform.run;

import io.batchserve.transform.job.SplitType;
import io.batchserve.transform.pack.Batch;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a failed request's records are in their file. A container names the line of its own request
 * ("line 2581"); the harness knows where each request started, so the failure log and job.json name
 * the file's line too: {@code line 30,001 (request 12, line 2,581)}. With SplitType Line a record
 * is a line (blank lines included); with RecordIO or TFRecord it is a record; without splitting,
 * the request is the whole file.
 */
final class RequestLocation {
  private static final Pattern LINE = Pattern.compile("\\bline (\\d{1,10})\\b");

  private RequestLocation() {}

  /**
   * E.g. "line 30,001 (request 12, line 2,581)", "lines 28,421-30,420 (request 12)" or "(request
   * 1)".
   */
  static String of(SplitType split, Batch batch, long request, String answer) {
    if (split == SplitType.None) {
      return String.format(Locale.ROOT, "(request %,d)", request);
    }
    String unit = split == SplitType.Line ? "line" : "record";
    Matcher named = LINE.matcher(answer);
    if (named.find()) {
      long inRequest = Long.parseLong(named.group(1));
      if (inRequest >= 1 && inRequest <= batch.records()) {
        return String.format(
            Locale.ROOT,
            "%s %,d (request %,d, line %,d)",
            unit,
            batch.firstRecord() + inRequest - 1,
            request,
            inRequest);
      }
    }
    if (batch.records() == 1) {
      return String.format(Locale.ROOT, "%s %,d (request %,d)", unit, batch.firstRecord(), request);
    }
    return String.format(
        Locale.ROOT,
        "%ss %,d-%,d (request %,d)",
        unit,
        batch.firstRecord(),
        batch.firstRecord() + batch.records() - 1,
        request);
  }
}
