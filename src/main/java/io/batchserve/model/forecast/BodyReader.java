package io.batchserve.model.forecast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.batchserve.codec.BadInputException;
import io.batchserve.codec.BodyLines;
import io.batchserve.codec.Json;
import io.batchserve.codec.MediaType;
import io.batchserve.codec.Snippet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request body into records and reads each with a streaming parser (no JSON trees), so
 * that decoding thousands of long histories costs far less than forecasting them.
 *
 * <p>{@code application/jsonlines}: one record per line (a trailing line end is fine, a blank line
 * is an error). {@code application/json}: one record object, an array of them, or {@code
 * {"instances":[...]}}. Every error names the record ("line 3", "record 3") and, when the record
 * has one, its item_id.
 *
 * <p>A JSON Lines record first tries the fast path ({@link HistoryScan}: its history rows read from
 * the bytes, 1.7x faster for the sample records), and falls back to Jackson for the whole record
 * whenever the fast path does not handle it, so values and errors are always Jackson's.
 *
 * <p>Stateless apart from the rules; safe to call from many threads.
 */
final class BodyReader {
  private final ForecastRules rules;
  private final boolean quantilesCalibrated;
  private final boolean scan;

  BodyReader(ForecastRules rules, boolean quantilesCalibrated) {
    this(rules, quantilesCalibrated, true);
  }

  /** {@code scan}: whether JSON Lines records take the fast path; false only to test it. */
  BodyReader(ForecastRules rules, boolean quantilesCalibrated, boolean scan) {
    this.rules = rules;
    this.quantilesCalibrated = quantilesCalibrated;
    this.scan = scan;
  }

  ForecastRequest read(MediaType type, byte[] body, int length) {
    if (length == 0) {
      throw new BadInputException("request body is empty: send at least one record");
    }
    RecordParser records = new RecordParser(rules, quantilesCalibrated);
    return MediaType.JSON_LINES.equals(type)
        ? lines(records, body, length)
        : json(records, body, length);
  }

  private ForecastRequest lines(RecordParser records, byte[] body, int length) {
    List<Series> series = new ArrayList<>();
    BodyLines.forEach(
        body,
        length,
        (from, to, number) -> {
          Series fast = scan ? scanned(records, body, from, to) : null;
          series.add(fast != null ? fast : line(records, body, from, to, "line " + number));
        });
    return new ForecastRequest(series, ForecastRequest.Shape.ARRAY);
  }

  private static Series line(RecordParser records, byte[] body, int from, int to, String where) {
    try (JsonParser p = parser(body, from, to - from)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw BadInputException.at(where, "the line is empty (every line must be one JSON record)");
      }
      Series s = record(records, p, first, body, from, to, where);
      if (p.nextToken() != null) {
        throw BadInputException.at(
            located(where, body, from, to), "more than one JSON value on the line");
      }
      return s;
    } catch (JsonProcessingException e) {
      throw BadInputException.at(
          located(where, body, from, to), "not valid JSON: " + jsonProblem(e));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  /**
   * The fast path ({@link HistoryScan}): the history rows read from the bytes, the rest of the
   * record (with {@code []} in the rows' place) by Jackson. Null when any part of it is not handled
   * or fails a check; the caller then reads the whole line with Jackson, which gives the error.
   */
  private static Series scanned(RecordParser records, byte[] body, int from, int to) {
    int start = HistoryScan.locate(body, from, to);
    int end = start < 0 ? -1 : records.scanHistory(body, start, to);
    if (end < 0) {
      return null;
    }
    byte[] rest = new byte[to - from - (end - start) + 2];
    System.arraycopy(body, from, rest, 0, start - from);
    rest[start - from] = '[';
    rest[start - from + 1] = ']';
    System.arraycopy(body, end, rest, start - from + 2, to - end);
    try (JsonParser p = parser(rest, 0, rest.length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Series s = records.readAfterScan(p);
      return p.nextToken() == null ? s : null;
    } catch (RecordProblem | IOException e) {
      return null;
    }
  }

  private static ForecastRequest json(RecordParser records, byte[] body, int length) {
    try (JsonParser p = parser(body, 0, length)) {
      boolean wrapped = isInstances(body, length);
      if (wrapped) {
        p.nextToken();
        p.nextToken();
      }
      JsonToken first = p.nextToken();
      List<Series> series = new ArrayList<>();
      if (first == JsonToken.START_ARRAY) {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          int from = (int) p.currentTokenLocation().getByteOffset();
          series.add(record(records, p, t, body, from, length, "record " + (series.size() + 1)));
        }
      } else {
        series.add(record(records, p, first, body, 0, length, "record 1"));
      }
      if (wrapped && p.nextToken() != JsonToken.END_OBJECT) {
        throw new BadInputException(
            "{\"instances\": [...]} must hold nothing but the array of records");
      }
      if (p.nextToken() != null) {
        throw new BadInputException(
            "unexpected content after the first JSON value: an application/json body is one record"
                + " object, one array of them or {\"instances\": [...]} (for one record per line,"
                + " send application/jsonlines)");
      }
      if (series.isEmpty()) {
        throw new BadInputException("the JSON array is empty: send at least one record");
      }
      return new ForecastRequest(series, shape(first, wrapped));
    } catch (JsonProcessingException e) {
      throw new BadInputException("body is not valid JSON: " + jsonProblem(e) + location(e));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  /** Whether the body starts {@code {"instances": [}: a look at its first three tokens with a second parser. */
  private static boolean isInstances(byte[] body, int length) throws IOException {
    try (JsonParser peek = parser(body, 0, length)) {
      return peek.nextToken() == JsonToken.START_OBJECT
          && peek.nextToken() == JsonToken.FIELD_NAME
          && "instances".equals(peek.currentName())
          && peek.nextToken() == JsonToken.START_ARRAY;
    }
  }

  private static ForecastRequest.Shape shape(JsonToken first, boolean wrapped) {
    if (wrapped) {
      return ForecastRequest.Shape.INSTANCES;
    }
    return first == JsonToken.START_OBJECT
        ? ForecastRequest.Shape.OBJECT
        : ForecastRequest.Shape.ARRAY;
  }

  private static Series record(
      RecordParser records,
      JsonParser p,
      JsonToken first,
      byte[] body,
      int from,
      int to,
      String where)
      throws IOException {
    try {
      Tokens.expect(first, JsonToken.START_OBJECT, p, "expected a JSON object");
      return records.read(p);
    } catch (RecordProblem e) {
      throw BadInputException.at(located(where, body, from, to), e.getMessage());
    } catch (JsonProcessingException e) {
      throw BadInputException.at(
          located(where, body, from, to), "not valid JSON: " + jsonProblem(e));
    }
  }

  /**
   * A strict parser (see {@link Json}) without Jackson's duplicate-key detection, which allocates a
   * set for every object of three or more fields (every history row) and cost more than all other
   * decoding together. The record parsers reject a repeated field themselves ({@link Tokens#once}).
   */
  private static JsonParser parser(byte[] body, int from, int length) throws IOException {
    JsonParser parser = Json.MAPPER.getFactory().createParser(body, from, length);
    parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return parser;
  }

  /** "line 3 (item_id A001)", or just "line 3" when the record names no item. */
  private static String located(String where, byte[] body, int from, int to) {
    String itemId = ItemIds.peek(body, from, to);
    return itemId == null ? where : where + " (item_id " + Snippet.text(itemId) + ")";
  }

  /** Jackson's message, which may quote the body: escaped and bounded like all client text. */
  private static String jsonProblem(JsonProcessingException e) {
    return Snippet.text(e.getOriginalMessage(), 300);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
