package io.batchserve.loadtest;

import java.util.List;

/** Records read from input files, each one line without its line end, all of one content type. */
record RecordSet(String contentType, List<byte[]> records) {
  RecordSet {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("the input files hold no records");
    }
    records = List.copyOf(records);
  }

  long maxRecordBytes() {
    return records.stream().mapToLong(r -> r.length).max().orElse(0);
  }
}
