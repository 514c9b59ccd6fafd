package io.batchserve.cli;

import io.batchserve.model.train.ChurnSamples;
import io.batchserve.model.train.ChurnTraining;
import io.batchserve.model.train.ForecastSamples;
import io.batchserve.model.train.ForecastTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: generate a documented synthetic data set and train one of the bundled models. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Generate a seeded synthetic data set and train a bundled model into its model folder.",
    subcommands = {TrainCommand.Churn.class, TrainCommand.Forecast.class})
final class TrainCommand {

  /** {@code train churn}. */
  @Command(
      name = "churn",
      mixinStandardHelpOptions = true,
      description = {
        "Train the churn classifier on 60,000 synthetic telecom customers (seeded, reproducible).",
        "Writes xgboost-model.ubj and batchserve-model.json; logs the hold-out AUC."
      })
  static final class Churn implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--out",
        defaultValue = "model/churn",
        description = "Model folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--samples",
        description = "Also write sample input files (customer id first) here.")
    Path samples;

    @Option(
        names = "--sample-files",
        defaultValue = "2",
        description = "Sample files (default: ${DEFAULT-VALUE}).")
    int sampleFiles;

    @Option(
        names = "--sample-rows",
        defaultValue = "2500",
        description = "Rows per sample file (default: ${DEFAULT-VALUE}).")
    int sampleRows;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      ChurnTraining.Result result = ChurnTraining.run(this.out);
      out.printf(
          "trained churn model on %,d customers; hold-out AUC %.4f on %,d customers; wrote %s%n",
          result.trainRows(), result.holdoutAuc(), result.holdoutRows(), result.directory());
      if (samples != null) {
        var files = ChurnSamples.write(samples, sampleFiles, sampleRows, ChurnTraining.SEED + 1);
        out.printf(
            "wrote %d sample files of %,d customers to %s%n", files.size(), sampleRows, samples);
      }
      return 0;
    }
  }

  /** {@code train forecast}. */
  @Command(
      name = "forecast",
      mixinStandardHelpOptions = true,
      description = {
        "Train the iterative demand forecaster on 800 synthetic store-products (seeded,"
            + " reproducible).",
        "Writes xgboost-model.ubj and batchserve-model.json; logs the 31-day hold-out WAPE against"
            + " the seasonal-naive baseline."
      })
  static final class Forecast implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--out",
        defaultValue = "model/forecast",
        description = "Model folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--samples",
        description = "Also write sample request files (JSON Lines) here, e.g. test/data/forecast.")
    Path samples;

    @Option(
        names = "--sample-files",
        defaultValue = "2",
        description = "Sample files (default: ${DEFAULT-VALUE}).")
    int sampleFiles;

    @Option(
        names = "--sample-items",
        defaultValue = "150",
        description = "Items per sample file (default: ${DEFAULT-VALUE}).")
    int sampleItems;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      long start = System.nanoTime();
      ForecastTraining.Result result = ForecastTraining.run(this.out);
      var holdout = result.holdout();
      out.printf(
          "trained forecaster on %,d item-days in %.1f s; wrote %s%n",
          result.trainRows(), (System.nanoTime() - start) / 1e9, result.directory());
      out.printf(
          "hold-out: %d items x %d days, recursive, from origins after the training data%n",
          holdout.items(), holdout.horizon());
      out.print(holdout.report());
      if (samples != null) {
        var files =
            ForecastSamples.write(samples, sampleFiles, sampleItems, ForecastTraining.SEED + 2);
        out.printf(
            "wrote %d sample files of %,d items to %s%n", files.size(), sampleItems, samples);
      }
      return 0;
    }
  }
}
