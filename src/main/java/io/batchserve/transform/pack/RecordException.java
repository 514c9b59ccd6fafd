package io.batchserve.transform.pack;

/**
 * A record (or a response to it) that DataProcessing cannot handle; its file fails with this
 * message.
 */
public final class RecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecordException(long record, String message, Throwable cause) {
    super("record " + record + ": " + message, cause);
  }
}
