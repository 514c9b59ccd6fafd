package io.batchserve.cli;

/**
 * Flags renamed so that each has one meaning across the commands and scripts, and API fields keep
 * their API names: an old spelling still works for now, and says once, on standard error, what to
 * use instead.
 */
final class OldSpelling {
  private OldSpelling() {}

  static void note(String old, String now) {
    System.err.println("note: " + old + " is now " + now + "; the old spelling works for now");
  }
}
