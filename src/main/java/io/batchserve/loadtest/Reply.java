package io.batchserve.loadtest;

/**
 * What came back for one request. An HTTP status, 503 and 500 included, is a result; {@code status}
 * is 0 when no answer came at all (connection refused, reset, timed out), and {@code error} then
 * says why.
 *
 * @param answerRecords the lines in the answer body, to check "N records in, N results out"
 * @param error the start of an error answer's body, or why there was no answer; empty on success
 */
record Reply(int status, int answerRecords, String error) {
  static Reply noAnswer(String why) {
    return new Reply(0, 0, why);
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }
}
