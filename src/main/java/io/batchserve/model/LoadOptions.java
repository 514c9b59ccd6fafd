package io.batchserve.model;

/**
 * Server-wide choices about how loaded models read requests and write answers.
 *
 * @param libsvmIndexBase the number of the first feature in {@code text/libsvm} bodies: 0
 *     (SageMaker's XGBoost 1.5-1 to 1.7-1) or 1
 * @param engine which evaluator serves the trees
 * @param inferenceOutput {@code SAGEMAKER_INFERENCE_OUTPUT}, the keys of SageMaker XGBoost's
 *     selectable output for tabular models, or null when unset
 * @param ensemble {@code SAGEMAKER_INFERENCE_ENSEMBLE}: whether a folder of k-fold boosters is
 *     served as their ensemble (true) or by its first booster
 * @param batch whether the server runs in a transform job ({@code SAGEMAKER_BATCH}), which changes
 *     the built-in container's answers
 */
public record LoadOptions(
    int libsvmIndexBase, Engine engine, String inferenceOutput, boolean ensemble, boolean batch) {
  public static final LoadOptions DEFAULT = new LoadOptions(0, Engine.AUTO);

  public LoadOptions(int libsvmIndexBase) {
    this(libsvmIndexBase, Engine.AUTO);
  }

  public LoadOptions(int libsvmIndexBase, Engine engine) {
    this(libsvmIndexBase, engine, null, true, false);
  }

  public LoadOptions {
    if (libsvmIndexBase != 0 && libsvmIndexBase != 1) {
      throw new IllegalArgumentException("libsvm index base must be 0 or 1: " + libsvmIndexBase);
    }
  }
}
