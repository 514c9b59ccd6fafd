package io.batchserve.transform.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
  @Test
  void of_endpointVariables_areReadAsTheSdksReadThemAndMeanPathStyle() {
    var s3First =
        Stores.S3Settings.of(
            null,
            false,
            null,
            Map.of(
                "AWS_ENDPOINT_URL_S3",
                "http://127.0.0.1:9000",
                "AWS_ENDPOINT_URL",
                "http://127.0.0.1:5000"));
    assertEquals(URI.create("http://127.0.0.1:9000"), s3First.endpoint());
    assertTrue(s3First.pathStyle());
    var general =
        Stores.S3Settings.of(
            null, false, null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
    assertEquals(URI.create("http://127.0.0.1:5000"), general.endpoint());
    var flag =
        Stores.S3Settings.of(
            URI.create("http://localhost:1"),
            false,
            "eu-west-1",
            Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
    assertEquals(URI.create("http://localhost:1"), flag.endpoint(), "the flag wins");
    assertEquals("eu-west-1", flag.region());
  }

  @Test
  void of_noEndpointOrIgnored_isTheSdkDefault() {
    var none = Stores.S3Settings.of(null, false, null, Map.of());
    assertNull(none.endpoint());
    assertFalse(none.pathStyle());
    var ignored =
        Stores.S3Settings.of(
            null,
            false,
            null,
            Map.of(
                "AWS_ENDPOINT_URL",
                "http://127.0.0.1:5000",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
                "true"));
    assertNull(ignored.endpoint());
  }

  @Test
  void of_badVariable_isNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Stores.S3Settings.of(
                    null, false, null, Map.of("AWS_ENDPOINT_URL_S3", "localhost:9000")));
    assertEquals("AWS_ENDPOINT_URL_S3='localhost:9000' is not an http(s) URL", e.getMessage());
  }
}
