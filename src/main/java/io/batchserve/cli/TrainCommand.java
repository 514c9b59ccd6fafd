package io.batchserve.cli;

import io.batchserve.model.train.ChurnSamples;
import io.batchserve.model.train.ChurnTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: generate a documented synthetic data set and train one of the bundled models. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Generate a seeded synthetic data set and train a bundled model into its model folder.",
    subcommands = {TrainCommand.Churn.class})
final class TrainCommand {

  /** {@code train churn}. */
  @Command(name = "churn", mixinStandardHelpOptions = true,
      description = {"Train the churn classifier on 60,000 synthetic telecom customers (seeded, reproducible).",
          "Writes xgboost-model.ubj and batchserve-model.json; logs the hold-out AUC."})
  static final class Churn implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "model/churn", description = "Model folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--samples", description = "Also write sample input files (customer id first) here.")
    Path samples;

    @Option(names = "--sample-files", defaultValue = "2", description = "Sample files (default: ${DEFAULT-VALUE}).")
    int sampleFiles;

    @Option(names = "--sample-rows", defaultValue = "2500", description = "Rows per sample file "
        + "(default: ${DEFAULT-VALUE}).")
    int sampleRows;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      ChurnTraining.Result result = ChurnTraining.run(this.out);
      out.printf("trained churn model on %,d customers; hold-out AUC %.4f on %,d customers; wrote %s%n",
          result.trainRows(), result.holdoutAuc(), result.holdoutRows(), result.directory());
      if (samples != null) {
        var files = ChurnSamples.write(samples, sampleFiles, sampleRows, ChurnTraining.SEED + 1);
        out.printf("wrote %d sample files of %,d customers to %s%n", files.size(), sampleRows, samples);
      }
      return 0;
    }
  }
}
