package io.batchserve.loadtest;

import java.util.List;

/**
 * The bodies of one payload setting, sent in turn.
 *
 * @param strategy {@code MultiRecord} (records packed up to {@code payloadMb}) or {@code
 *     SingleRecord}
 * @param payloadMb the MaxPayloadInMB the bodies respect (for SingleRecord the smallest that holds
 *     every record)
 */
record PayloadBodies(String strategy, int payloadMb, List<PackedBody> bodies) {
  static final String MULTI_RECORD = "MultiRecord";
  static final String SINGLE_RECORD = "SingleRecord";

  PayloadBodies {
    if (bodies.isEmpty()) {
      throw new IllegalArgumentException("no bodies to send");
    }
    bodies = List.copyOf(bodies);
  }

  /** The {@code index}-th body to send, going round the list. */
  PackedBody body(long index) {
    return bodies.get((int) (index % bodies.size()));
  }

  double meanRecords() {
    return bodies.stream().mapToInt(PackedBody::records).average().orElse(0);
  }

  double meanBytes() {
    return bodies.stream().mapToInt(b -> b.bytes().length).average().orElse(0);
  }

  String label() {
    return strategy.equals(SINGLE_RECORD) ? SINGLE_RECORD : payloadMb + " MB";
  }
}
