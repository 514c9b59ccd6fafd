package io.batchserve.transform.process;

import io.batchserve.codec.MediaType;
import io.batchserve.transform.job.JoinSource;

/**
 * What DataProcessing does to one record: filter an input record before it is sent, and build the
 * output record from the (unfiltered) input and the response record. Records here carry no line
 * terminator. Thread-safe.
 */
public interface RecordProcessor {
  /** The record to send, from the input record. */
  byte[] input(byte[] record);

  /** The output record, from the original input record and its response record. */
  byte[] output(byte[] original, byte[] response);

  boolean filtersInput();

  /** True when outputs need their input record (JoinSource Input). */
  boolean joins();

  /** True when output records are built record by record (a join or an OutputFilter). */
  boolean buildsOutput();

  static RecordProcessor of(
      String contentType,
      String inputFilter,
      JoinSource join,
      String outputFilter,
      SliceEnd sliceEnd) {
    FilterPath in = FilterPath.compile("InputFilter", inputFilter, sliceEnd);
    FilterPath out = FilterPath.compile("OutputFilter", outputFilter, sliceEnd);
    boolean joins = join == JoinSource.Input;
    MediaType type = contentType == null ? null : MediaType.parse(contentType);
    return MediaType.CSV.equals(type)
        ? new CsvProcessor(in, joins, out)
        : new JsonProcessor(in, joins, out);
  }
}
