package io.batchserve.transform.job;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses the CreateTransformJob spelling of an enum value ({@code Line}, {@code Gzip}, ...),
 * ignoring case.
 */
final class ApiEnum {
  private ApiEnum() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.trim())) {
        return constant;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("'" + value + "' is not one of " + allowed);
  }
}
