package io.batchserve.model;

import io.batchserve.codec.MediaType;
import java.util.List;
import java.util.Set;

/**
 * What the server needs to know to route and negotiate: the model's name, its kind, the content
 * types it reads and writes (the first of {@code accepts} is the default answer type when the
 * request names none that the server prefers), and the {@code request_type} values of JSON records
 * meant for it.
 */
public record ModelInfo(
    String name,
    String kind,
    List<MediaType> contentTypes,
    List<MediaType> accepts,
    Set<String> requestTypes,
    String summary) {
  public ModelInfo {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    contentTypes = List.copyOf(contentTypes);
    accepts = List.copyOf(accepts);
    requestTypes = Set.copyOf(requestTypes);
    if (contentTypes.isEmpty() || accepts.isEmpty()) {
      throw new IllegalArgumentException(
          "model '" + name + "' must read and write at least one content type");
    }
  }

  public boolean reads(MediaType type) {
    return contentTypes.contains(type);
  }
}
