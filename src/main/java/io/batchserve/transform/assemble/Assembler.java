package io.batchserve.transform.assemble;

import io.batchserve.codec.MediaType;
import io.batchserve.transform.invoke.Response;
import io.batchserve.transform.pack.Batch;
import io.batchserve.transform.pack.RecordException;
import io.batchserve.transform.process.Lines;
import io.batchserve.transform.process.RecordProcessor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes responses to an output in input order. Without a join or OutputFilter a response is
 * written as it came, and AssembleWith Line adds {@code \n} unless it already ends with one ({@code
 * alwaysNewline}: always). With them, each response record is joined and filtered, and written with
 * a {@code \n} (Line) or nothing (None) after it. A MultiRecord response in CSV or JSON Lines must
 * hold one line per request record. Holds no state between calls, so several threads may assemble
 * different responses at once ({@link #assemble}); the caller keeps them in input order.
 */
public final class Assembler {
  private final RecordProcessor processor;
  private final boolean line;
  private final boolean alwaysNewline;
  private final boolean multi;
  private final MediaType accept;

  public Assembler(
      RecordProcessor processor,
      boolean line,
      boolean alwaysNewline,
      boolean multi,
      MediaType accept) {
    this.processor = processor;
    this.line = line;
    this.alwaysNewline = alwaysNewline;
    this.multi = multi;
    this.accept = accept;
  }

  /** True when responses are rebuilt record by record, work worth an assembler thread. */
  public boolean buildsRecords() {
    return processor != null && processor.buildsOutput();
  }

  /** Assembles one response into a chunk, to be written later with {@link Chunk#writeTo}. */
  public Chunk assemble(Batch batch, Response response) throws IOException {
    Chunk chunk = new Chunk();
    write(batch, response, chunk);
    return chunk;
  }

  /** Writes one response; returns the bytes written. */
  public long write(Batch batch, Response response, OutputStream out) throws IOException {
    byte[] body = response.body();
    MediaType type = accept != null ? accept : parse(response.contentType());
    if (processor == null || !processor.buildsOutput()) {
      if (multi && Lines.lineBased(type)) {
        checkCount(batch, Lines.count(body), type);
      }
      out.write(body);
      boolean newline =
          line && (alwaysNewline || body.length == 0 || body[body.length - 1] != '\n');
      if (newline) {
        out.write('\n');
      }
      return body.length + (newline ? 1 : 0);
    }
    List<byte[]> records = Lines.lineBased(type) ? Lines.split(body) : List.of(Lines.strip(body));
    checkCount(batch, records.size(), type);
    long written = 0;
    for (int i = 0; i < records.size(); i++) {
      byte[] original = batch.originals() == null ? null : batch.originals().record(i);
      byte[] record;
      try {
        record = processor.output(original, records.get(i));
      } catch (IllegalArgumentException e) {
        throw new RecordException(batch.firstRecord() + i, e.getMessage(), e);
      }
      out.write(record);
      written += record.length;
      if (line) {
        out.write('\n');
        written++;
      }
    }
    return written;
  }

  private static void checkCount(Batch batch, int found, MediaType type) throws IOException {
    if (found != batch.records()) {
      throw new IOException(
          "records "
              + batch.firstRecord()
              + "-"
              + (batch.firstRecord() + batch.records() - 1)
              + ": the response holds "
              + found
              + " record(s) for a request of "
              + batch.records()
              + (Lines.lineBased(type)
                  ? " (one " + type + " line per record expected)"
                  : " ("
                      + type
                      + " is one record per response: use a line-based Accept or SingleRecord)"));
    }
  }

  private static MediaType parse(String header) {
    try {
      return MediaType.parse(header);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
