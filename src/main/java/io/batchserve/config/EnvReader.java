package io.batchserve.config;

import io.batchserve.codec.MediaType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed, validated reads of environment variables; an empty or unset variable is absent. */
final class EnvReader {
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  private Optional<String> raw(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  Optional<Integer> integer(String name, int min, int max) {
    return raw(name)
        .map(
            value -> {
              int parsed;
              try {
                parsed = Integer.parseInt(value);
              } catch (NumberFormatException e) {
                throw bad(name, value, "is not a whole number");
              }
              if (parsed < min || parsed > max) {
                throw bad(name, value, "must be between " + min + " and " + max);
              }
              return parsed;
            });
  }

  Optional<Boolean> bool(String name) {
    return raw(name)
        .map(
            value ->
                switch (value.toLowerCase(Locale.ROOT)) {
                  case "true", "1", "yes" -> true;
                  case "false", "0", "no" -> false;
                  default ->
                      throw bad(name, value, "is not a boolean (use true or false, in any case)");
                });
  }

  /** One of {@code allowed}, in any case, as its lower-case spelling. */
  Optional<String> choice(String name, List<String> allowed) {
    return raw(name)
        .map(
            value -> {
              String lower = value.toLowerCase(Locale.ROOT);
              if (!allowed.contains(lower)) {
                throw bad(name, value, "is not one of " + String.join(", ", allowed));
              }
              return lower;
            });
  }

  Optional<Path> path(String name) {
    return raw(name).map(Path::of);
  }

  Optional<BatchStrategy> strategy(String name) {
    return raw(name)
        .map(
            value -> {
              try {
                return BatchStrategy.parse(value);
              } catch (IllegalArgumentException e) {
                throw bad(name, value, "is not SINGLE_RECORD or MULTI_RECORD");
              }
            });
  }

  Optional<MediaType> mediaType(String name, List<MediaType> allowed) {
    return raw(name)
        .map(
            value -> {
              MediaType type;
              try {
                type = MediaType.parse(value);
              } catch (IllegalArgumentException e) {
                throw bad(name, value, "is not a media type");
              }
              if (!allowed.contains(type)) {
                throw bad(name, value, "is not one of " + allowed);
              }
              return type;
            });
  }

  private static ConfigException bad(String name, String value, String problem) {
    return new ConfigException(name + "='" + value + "' " + problem);
  }
}
