package io.batchserve.codec;

/**
 * A request whose content cannot be scored: a malformed record, a missing field, an empty body. The
 * message names the record (1-based line or record number, and the item id where there is one) and
 * what is wrong with it. Maps to HTTP 400.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  /** A problem with one record: {@code where} is e.g. "line 3" or "line 3 (item_id A001)". */
  public static BadInputException at(String where, String problem) {
    return new BadInputException(where + ": " + problem);
  }
}
