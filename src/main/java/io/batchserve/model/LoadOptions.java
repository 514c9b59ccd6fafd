package io.batchserve.model;

/**
 * Server-wide choices about how loaded models read requests.
 *
 * @param libsvmIndexBase the number of the first feature in {@code text/libsvm} bodies: 0
 *     (SageMaker's XGBoost 1.5-1 to 1.7-1) or 1
 * @param engine which evaluator serves the trees
 */
public record LoadOptions(int libsvmIndexBase, Engine engine) {
  public static final LoadOptions DEFAULT = new LoadOptions(0, Engine.AUTO);

  public LoadOptions(int libsvmIndexBase) {
    this(libsvmIndexBase, Engine.AUTO);
  }

  public LoadOptions {
    if (libsvmIndexBase != 0 && libsvmIndexBase != 1) {
      throw new IllegalArgumentException("libsvm index base must be 0 or 1: " + libsvmIndexBase);
    }
  }
}
