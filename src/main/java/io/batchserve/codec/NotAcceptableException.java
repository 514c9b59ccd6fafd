package io.batchserve.codec;

import java.util.List;

/** No type in the request's Accept header is one the chosen model writes. Maps to HTTP 406. */
public class NotAcceptableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotAcceptableException(String accept, String model, List<MediaType> supported) {
    super(
        "Accept '"
            + Snippet.text(accept)
            + "' is not supported by model '"
            + model
            + "'; supported: "
            + UnsupportedContentTypeException.join(supported));
  }
}
