package io.batchserve.http;

import io.batchserve.codec.JsonRecords;
import io.batchserve.codec.MediaType;
import io.batchserve.codec.Snippet;
import io.batchserve.codec.UnsupportedContentTypeException;
import io.batchserve.model.Model;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Chooses the model for a request. One model loaded: every request goes to it. Several: {@code
 * model=NAME} in {@code X-Amzn-SageMaker-Custom-Attributes} decides; otherwise CSV or libsvm goes
 * to the first model (by name) that reads it, and JSON goes to the model whose name or request
 * types match the first record's {@code request_type}.
 */
final class ModelRouter {
  static final String CUSTOM_ATTRIBUTES = "X-Amzn-SageMaker-Custom-Attributes";
  private final List<Model<?, ?>> models;

  ModelRouter(List<Model<?, ?>> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no models to route to");
    }
    this.models = List.copyOf(models);
  }

  List<Model<?, ?>> models() {
    return models;
  }

  Model<?, ?> route(MediaType contentType, String customAttributes, Body body) {
    String named = modelAttribute(customAttributes);
    if (named != null) {
      return byName(named, "X-Amzn-SageMaker-Custom-Attributes model=" + Snippet.text(named));
    }
    if (models.size() == 1) {
      return models.get(0);
    }
    if (!MediaType.JSON.equals(contentType) && !MediaType.JSON_LINES.equals(contentType)) {
      return models.stream()
          .filter(m -> m.info().reads(contentType))
          .findFirst()
          .orElseThrow(
              () ->
                  new UnsupportedContentTypeException(
                      contentType.toString(),
                      "any loaded model",
                      models.stream()
                          .flatMap(m -> m.info().contentTypes().stream())
                          .distinct()
                          .toList()));
    }
    String requestType = JsonRecords.peekField(body.bytes(), body.length(), "request_type");
    if (requestType == null) {
      throw new UnknownModelException(
          "several models are loaded ("
              + names()
              + "): name one with a "
              + "\"request_type\" field in each record or with the header "
              + CUSTOM_ATTRIBUTES
              + ": model=NAME");
    }
    return models.stream()
        .filter(
            m ->
                m.info().name().equals(requestType)
                    || m.info().requestTypes().contains(requestType))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownModelException(
                    "request_type '"
                        + Snippet.text(requestType)
                        + "' matches no "
                        + "loaded model; "
                        + "loaded: "
                        + names()));
  }

  private Model<?, ?> byName(String name, String source) {
    return models.stream()
        .filter(m -> m.info().name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new UnknownModelException(source + ": no such model; loaded: " + names()));
  }

  private String names() {
    return models.stream().map(m -> m.info().name()).collect(Collectors.joining(", "));
  }

  /**
   * The value of {@code model=NAME} among comma- or semicolon-separated key=value pairs, or null.
   */
  static String modelAttribute(String header) {
    if (header == null) {
      return null;
    }
    for (String pair : header.split("[,;]")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("model")) {
        String value = pair.substring(eq + 1).trim();
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}
