package io.batchserve.transform.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChildServerExitTest {
  @Test
  void exit_codeOrSignal_isNamed() {
    assertEquals("exited with code 1", ChildServer.exit(1));
    assertEquals("exited with code 128", ChildServer.exit(128));
    assertEquals(
        "was killed by signal 9 (SIGKILL: killed, e.g. by the kernel's out-of-memory killer)",
        ChildServer.exit(137));
    assertEquals("was killed by signal 15 (SIGTERM)", ChildServer.exit(143));
    assertEquals("was killed by signal 7", ChildServer.exit(135));
  }
}
