package io.batchserve.codec;

import java.util.Locale;
import java.util.Map;

/**
 * A media type without parameters, lower-cased: {@code text/csv; charset=utf-8} and {@code
 * TEXT/CSV} are both {@link #CSV}. Common aliases of the supported types map to their canonical
 * form.
 */
public record MediaType(String type, String subtype) {
  public static final MediaType CSV = new MediaType("text", "csv");
  public static final MediaType JSON = new MediaType("application", "json");
  public static final MediaType JSON_LINES = new MediaType("application", "jsonlines");

  /** The sparse text format SageMaker's built-in XGBoost reads next to CSV. */
  public static final MediaType LIBSVM = new MediaType("text", "libsvm");

  /** SageMaker's RecordIO-framed protobuf records, the binary format of its built-in algorithms. */
  public static final MediaType RECORDIO_PROTOBUF =
      new MediaType("application", "x-recordio-protobuf");

  public static final MediaType ANY = new MediaType("*", "*");

  private static final Map<String, MediaType> ALIASES =
      Map.of(
          "csv", CSV,
          "application/csv", CSV,
          "json", JSON,
          "jsonlines", JSON_LINES,
          "application/x-jsonlines", JSON_LINES,
          "application/jsonl", JSON_LINES,
          "application/x-ndjson", JSON_LINES,
          "application/ndjson", JSON_LINES,
          "libsvm", LIBSVM,
          "text/x-libsvm", LIBSVM);

  public MediaType {
    if (type.isEmpty() || subtype.isEmpty()) {
      throw new IllegalArgumentException(
          "media type needs a type and a subtype: '" + type + "/" + subtype + "'");
    }
  }

  /**
   * Parses one media type, ignoring parameters such as charset. Returns null for a null or blank
   * header.
   *
   * @throws IllegalArgumentException when the value is not of the form type/subtype
   */
  public static MediaType parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int semicolon = header.indexOf(';');
    String bare =
        (semicolon >= 0 ? header.substring(0, semicolon) : header).trim().toLowerCase(Locale.ROOT);
    MediaType alias = ALIASES.get(bare);
    if (alias != null) {
      return alias;
    }
    int slash = bare.indexOf('/');
    if (slash <= 0 || slash == bare.length() - 1 || bare.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException(
          "'" + header.trim() + "' is not a media type of the form type/subtype");
    }
    return new MediaType(bare.substring(0, slash), bare.substring(slash + 1));
  }

  public boolean isWildcard() {
    return "*".equals(type) || "*".equals(subtype);
  }

  /** True when this (possibly wildcard) type accepts the concrete type {@code other}. */
  public boolean includes(MediaType other) {
    return ("*".equals(type) || type.equals(other.type))
        && ("*".equals(subtype) || subtype.equals(other.subtype));
  }

  @Override
  public String toString() {
    return type + "/" + subtype;
  }
}
