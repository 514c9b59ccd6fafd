package io.batchserve.http;

import java.util.Map;

/**
 * The container contract's paths and the one method each answers; any other method on them is 405
 * with Allow.
 */
final class Routes {
  static final String PING = "/ping";
  static final String EXECUTION_PARAMETERS = "/execution-parameters";
  static final String INVOCATIONS = "/invocations";
  private static final Map<String, String> METHODS =
      Map.of(PING, "GET", EXECUTION_PARAMETERS, "GET", INVOCATIONS, "POST");

  private Routes() {}

  /** The method a path answers, or null when the path is not part of the contract. */
  static String allowed(String path) {
    return METHODS.get(path);
  }

  static String describe() {
    return "GET " + PING + ", GET " + EXECUTION_PARAMETERS + " and POST " + INVOCATIONS;
  }
}
