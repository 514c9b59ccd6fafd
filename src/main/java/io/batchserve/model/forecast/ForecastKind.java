package io.batchserve.model.forecast;

import io.batchserve.model.LoadOptions;
import io.batchserve.model.Model;
import io.batchserve.model.ModelDescriptor;
import io.batchserve.model.ModelKind;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.Scorer;

/** {@code "kind": "forecast"}: the iterative forecaster ({@link ForecastModel}). */
public final class ForecastKind implements ModelKind {
  @Override
  public String name() {
    return ForecastModel.KIND;
  }

  @Override
  public Model<?, ?> load(ModelDescriptor descriptor, Scorer scorer, LoadOptions options)
      throws ModelLoadException {
    return ForecastModel.load(descriptor, scorer);
  }
}
