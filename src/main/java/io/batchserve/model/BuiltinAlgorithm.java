package io.batchserve.model;

import io.batchserve.model.compat.ContainerAnswers;
import io.batchserve.model.compat.Objective;
import io.batchserve.model.compat.SelectableOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Models trained by SageMaker's built-in XGBoost algorithm, served as its container serves them.
 */
final class BuiltinAlgorithm {
  private BuiltinAlgorithm() {}

  /**
   * A model trained by SageMaker's built-in XGBoost algorithm: its {@code xgboost-model} file, or
   * the boosters of k-fold training ({@code xgboost-model-0}, ...), served as their ensemble unless
   * {@code ensemble} is off; features are called f0, f1, ... as in XGBoost, and answers are written
   * as that algorithm's container writes them ({@link ContainerAnswers}).
   */
  static TabularModel load(List<Path> artifacts, LoadOptions options) throws ModelLoadException {
    List<Path> served = options.ensemble() ? artifacts : artifacts.subList(0, 1);
    Objective objective = objective(served.get(0));
    List<Scorer> scorers = new ArrayList<>();
    for (Path artifact : served) {
      scorers.add(EngineChoice.load(artifact, "xgboost", options.engine()));
    }
    Scorer scorer =
        scorers.size() == 1 ? scorers.get(0) : new EnsembleScorer(scorers, objective.votes());
    List<String> features = IntStream.range(0, scorer.features()).mapToObj(i -> "f" + i).toList();
    SelectableOutput selected =
        options.inferenceOutput() == null ? null : selected(options, objective, "xgboost");
    return TabularModel.create("xgboost", scorer, features, List.of(), Set.of())
        .withLibsvmIndexBase(options.libsvmIndexBase())
        .with(
            new TabularModel.Dialect(
                new ContainerAnswers(selected, options.batch())::encode, true));
  }

  static Objective objective(Path artifact) throws ModelLoadException {
    try {
      return Objective.read(XgboostScorer.modelJson(artifact));
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(artifact + ": " + e.getMessage(), e);
    }
  }

  static SelectableOutput selected(LoadOptions options, Objective objective, String name)
      throws ModelLoadException {
    try {
      return SelectableOutput.of(options.inferenceOutput(), objective, name);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(e.getMessage(), e);
    }
  }
}
