package io.batchserve.codec;

import java.util.List;
import java.util.stream.Collectors;

/** The request's Content-Type is not one the chosen model reads. Maps to HTTP 415. */
public class UnsupportedContentTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedContentTypeException(String given, String model, List<MediaType> supported) {
    super(
        "Content-Type '"
            + Snippet.text(given)
            + "' is not supported by model '"
            + model
            + "'; supported: "
            + join(supported));
  }

  static String join(List<MediaType> types) {
    return types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
  }
}
