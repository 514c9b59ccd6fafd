package io.batchserve.model;

/**
 * A kind of model that a descriptor can name ({@code "kind": "tabular"} in {@code
 * batchserve-model.json}): how to build it over the scorer chosen for its trees. Kinds are found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/io.batchserve.model.ModelKind}),
 * so that a kind living in a sub-package, such as the forecaster, plugs in without this package
 * depending on it. Implementations need a public no-argument constructor.
 */
public interface ModelKind {
  /** The descriptor's {@code kind}. */
  String name();

  /**
   * Builds the model; {@code scorer} serves the descriptor's artifact, with the engine the options
   * chose.
   */
  Model<?, ?> load(ModelDescriptor descriptor, Scorer scorer, LoadOptions options)
      throws ModelLoadException;
}
