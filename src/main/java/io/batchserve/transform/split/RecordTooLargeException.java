package io.batchserve.transform.split;

import java.io.IOException;

/** A record (or a whole unsplit object) is larger than MaxPayloadInMB allows; its file fails. */
public final class RecordTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public RecordTooLargeException(long record, String size, long limit) {
    super(
        "record "
            + record
            + " is "
            + size
            + ", over the MaxPayloadInMB limit of "
            + limit
            + " bytes: "
            + "raise MaxPayloadInMB or split the input into smaller records");
  }
}
