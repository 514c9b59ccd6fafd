package io.batchserve.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The server under test and how to talk to it.
 *
 * @param url the server's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param accept the Accept header; null to ask for the request's own type
 * @param model the model to address in a multi-model server ({@code
 *     X-Amzn-SageMaker-Custom-Attributes}); null
 * @param timeout how long one request may take before it counts as no answer
 * @param allowRemote allow a URL that is not a loopback address
 */
public record Target(URI url, String accept, String model, Duration timeout, boolean allowRemote) {
  public Target {
    if (url.getHost() == null
        || !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    if (!allowRemote && !loopback(url.getHost())) {
      throw new IllegalArgumentException(
          "refusing to load-test "
              + url.getHost()
              + ": not a loopback address "
              + "(pass --allow-remote to test a server you own elsewhere)");
    }
  }

  URI resolve(String path) {
    String base = url.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }

  private static boolean loopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host: " + host, e);
    }
  }
}
