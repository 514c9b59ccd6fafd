package io.batchserve.model.forecast;

/**
 * What is wrong with one record, before the record's location and item id are known; {@link
 * BodyReader} turns it into a {@link io.batchserve.codec.BadInputException} naming both. Carries no
 * stack trace: it is an answer, not a fault.
 */
final class RecordProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RecordProblem(String message) {
    super(message, null, false, false);
  }
}
