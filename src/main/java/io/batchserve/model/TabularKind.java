package io.batchserve.model;

/** {@code "kind": "tabular"}: features in, one score out per record ({@link TabularModel}). */
public final class TabularKind implements ModelKind {
  @Override
  public String name() {
    return TabularModel.KIND;
  }

  @Override
  public Model<?, ?> load(ModelDescriptor descriptor, Scorer scorer, LoadOptions options)
      throws ModelLoadException {
    return TabularModel.load(descriptor, scorer, options);
  }
}
