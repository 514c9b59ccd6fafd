package io.batchserve.transform.run;

/** A record (or a response to it) that DataProcessing cannot handle; its file fails with this message. */
final class RecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RecordException(long record, String message, Throwable cause) {
    super("record " + record + ": " + message, cause);
  }
}
