package io.batchserve.transform.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * DataProcessing for {@code text/csv}: a row is a JSON array of its fields (RFC 4180, parsed and
 * printed with Commons CSV, quoting only where needed). JoinSource Input appends the response row
 * to the original input row: {@code 1,2,3} and {@code 0.5} make {@code 1,2,3,0.5}.
 */
final class CsvProcessor extends AbstractProcessor {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

  CsvProcessor(FilterPath in, boolean joins, FilterPath out) {
    super(in, joins, out);
  }

  @Override
  public byte[] input(byte[] record) {
    if (in.isIdentity()) {
      return record;
    }
    byte[] fast = pick(in, record);
    return fast != null ? fast : print(in.apply(parse(text(record))));
  }

  @Override
  public byte[] output(byte[] original, byte[] response) {
    if (!buildsOutput()) {
      return exactOutput(original, response);
    }
    if (out.isIdentity()) { // a join alone: plain rows are concatenated as bytes
      byte[] joined = PlainCsv.join(original, response);
      return joined != null ? joined : exactOutput(original, response);
    }
    // pick() checks the joined row is plain, so the join need not check it first
    byte[] fast = pick(out, joins ? PlainCsv.concat(original, response) : response);
    return fast != null ? fast : exactOutput(original, response);
  }

  /** The output through Commons CSV and the JSONPath library, for any row. */
  byte[] exactOutput(byte[] original, byte[] response) {
    String joined = joins ? text(original) + "," + text(response) : text(response);
    return out.isIdentity()
        ? joined.getBytes(StandardCharsets.UTF_8)
        : print(out.apply(parse(joined)));
  }

  /** The input filter's result through Commons CSV and the JSONPath library, for any row. */
  byte[] exactInput(byte[] record) {
    return in.isIdentity() ? record : print(in.apply(parse(text(record))));
  }

  /** The fast path ({@link PlainCsv}), or null when the row or the filter needs the exact one. */
  private static byte[] pick(FilterPath filter, byte[] row) {
    int[] bounds = PlainCsv.bounds(row);
    if (bounds == null) {
      return null;
    }
    int[] columns = filter.columns(bounds.length);
    return columns == null ? null : PlainCsv.select(row, bounds, columns);
  }

  /**
   * The fields of one row. A row without any double quote has no quoted field, so RFC 4180 reads it
   * as the text between commas, which is what the fast path returns; any row with a quote goes to
   * Commons CSV.
   */
  static List<String> parse(String row) {
    if (row.indexOf('"') < 0) {
      return splitPlain(row);
    }
    try (CSVParser parser = CSVParser.parse(row, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        return List.of("");
      }
      if (records.size() != 1) {
        throw new IllegalArgumentException("not one CSV row: " + records.size() + " rows");
      }
      return records.get(0).toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // an unfinished quoted field, a character after a closing quote, ...: the record's fault
      throw new IllegalArgumentException("not a valid CSV row: " + e.getMessage(), e);
    }
  }

  private static List<String> splitPlain(String row) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int comma = row.indexOf(','); comma >= 0; comma = row.indexOf(',', start)) {
      fields.add(row.substring(start, comma));
      start = comma + 1;
    }
    fields.add(row.substring(start));
    return fields;
  }

  /** Commons CSV's reading of one row, for tests of the fast path. */
  static List<String> parseWithLibrary(String row) {
    try (CSVParser parser = CSVParser.parse(row, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of("") : records.get(0).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] print(Object value) {
    List<String> fields = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        fields.add(field(item));
      }
    } else {
      fields.add(field(value));
    }
    return FORMAT.format(fields.toArray()).getBytes(StandardCharsets.UTF_8);
  }

  private static String field(Object value) {
    if (value == null || value instanceof String) {
      return value == null ? "" : (String) value;
    }
    try {
      return FilterPath.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String text(byte[] record) {
    return new String(record, StandardCharsets.UTF_8);
  }
}
