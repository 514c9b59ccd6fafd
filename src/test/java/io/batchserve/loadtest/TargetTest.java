package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetTest {
  private static Target target(String url, boolean allowRemote) {
    return new Target(URI.create(url), null, null, Duration.ofSeconds(1), allowRemote);
  }

  @Test
  void new_loopbackNamesAndAddresses_areAccepted() {
    target("http://127.0.0.1:8080", false);
    target("http://localhost:8080", false);
    target("http://[::1]:8080", false);
  }

  @Test
  void new_otherAddress_isRefusedUnlessAllowed() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> target("http://192.0.2.10:8080", false));

    assertTrue(e.getMessage().contains("--allow-remote"), e.getMessage());
    target("http://192.0.2.10:8080", true);
  }

  @Test
  void new_notHttp_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> target("ftp://127.0.0.1/", false));
  }

  @Test
  void resolve_withOrWithoutTrailingSlash() {
    assertEquals(
        URI.create("http://127.0.0.1:8080/ping"),
        target("http://127.0.0.1:8080/", false).resolve("/ping"));
    assertEquals(
        URI.create("http://127.0.0.1:8080/ping"),
        target("http://127.0.0.1:8080", false).resolve("/ping"));
  }
}
