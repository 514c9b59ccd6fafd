package io.batchserve.config;

import java.nio.file.Path;

/**
 * The {@code serve} command's flags as given; null means "not given" (the environment or a default
 * decides). Built with {@link #builder()}, naming each flag set: {@code
 * ServeFlags.builder().port(0).workers(2).build()}.
 */
public record ServeFlags(
    Integer port,
    String host,
    Path modelDir,
    Integer workers,
    Integer maxPayloadMb,
    Integer maxRequestMb,
    Integer queueCapacity,
    Integer maxBatchRecords,
    Integer maxBatchDelayMs,
    Integer timeoutSeconds,
    Integer libsvmIndexBase,
    Integer statsIntervalSeconds,
    Integer minRequestRate,
    Integer requestGraceSeconds,
    String engine) {
  public static final ServeFlags NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these flags. */
  public Builder toBuilder() {
    return new Builder()
        .port(port)
        .host(host)
        .modelDir(modelDir)
        .workers(workers)
        .maxPayloadMb(maxPayloadMb)
        .maxRequestMb(maxRequestMb)
        .queueCapacity(queueCapacity)
        .maxBatchRecords(maxBatchRecords)
        .maxBatchDelayMs(maxBatchDelayMs)
        .timeoutSeconds(timeoutSeconds)
        .libsvmIndexBase(libsvmIndexBase)
        .statsIntervalSeconds(statsIntervalSeconds)
        .minRequestRate(minRequestRate)
        .requestGraceSeconds(requestGraceSeconds)
        .engine(engine);
  }

  /** Every flag unset until set; {@link #build} makes the record. Not thread-safe. */
  public static final class Builder {
    private Integer port;
    private String host;
    private Path modelDir;
    private Integer workers;
    private Integer maxPayloadMb;
    private Integer maxRequestMb;
    private Integer queueCapacity;
    private Integer maxBatchRecords;
    private Integer maxBatchDelayMs;
    private Integer timeoutSeconds;
    private Integer libsvmIndexBase;
    private Integer statsIntervalSeconds;
    private Integer minRequestRate;
    private Integer requestGraceSeconds;
    private String engine;

    private Builder() {}

    public Builder port(Integer value) {
      port = value;
      return this;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder modelDir(Path value) {
      modelDir = value;
      return this;
    }

    public Builder workers(Integer value) {
      workers = value;
      return this;
    }

    public Builder maxPayloadMb(Integer value) {
      maxPayloadMb = value;
      return this;
    }

    public Builder maxRequestMb(Integer value) {
      maxRequestMb = value;
      return this;
    }

    public Builder queueCapacity(Integer value) {
      queueCapacity = value;
      return this;
    }

    public Builder maxBatchRecords(Integer value) {
      maxBatchRecords = value;
      return this;
    }

    public Builder maxBatchDelayMs(Integer value) {
      maxBatchDelayMs = value;
      return this;
    }

    public Builder timeoutSeconds(Integer value) {
      timeoutSeconds = value;
      return this;
    }

    public Builder libsvmIndexBase(Integer value) {
      libsvmIndexBase = value;
      return this;
    }

    public Builder statsIntervalSeconds(Integer value) {
      statsIntervalSeconds = value;
      return this;
    }

    public Builder minRequestRate(Integer value) {
      minRequestRate = value;
      return this;
    }

    public Builder requestGraceSeconds(Integer value) {
      requestGraceSeconds = value;
      return this;
    }

    public Builder engine(String value) {
      engine = value;
      return this;
    }

    public ServeFlags build() {
      return new ServeFlags(
          port,
          host,
          modelDir,
          workers,
          maxPayloadMb,
          maxRequestMb,
          queueCapacity,
          maxBatchRecords,
          maxBatchDelayMs,
          timeoutSeconds,
          libsvmIndexBase,
          statsIntervalSeconds,
          minRequestRate,
          requestGraceSeconds,
          engine);
    }
  }
}
