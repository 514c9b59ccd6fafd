package io.batchserve.config;

/**
 * A setting that cannot be used; the message names the flag or variable and its value. Start-up
 * stops.
 */
class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
