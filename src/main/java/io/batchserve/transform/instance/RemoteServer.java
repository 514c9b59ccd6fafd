package io.batchserve.transform.instance;

import io.batchserve.transform.invoke.Endpoint;
import java.net.URI;

/** A running container given by URL ({@code --endpoint}); the harness cannot restart it. */
final class RemoteServer implements Endpoint {
  private final URI base;

  RemoteServer(URI base) {
    this.base = base;
  }

  @Override
  public URI base() {
    return base;
  }

  @Override
  public long generation() {
    return 0;
  }

  @Override
  public boolean recover(long seenGeneration) {
    return false;
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
