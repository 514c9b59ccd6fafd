package io.batchserve.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar batchserve.jar <command>}. */
@Command(name = "batchserve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A SageMaker model server for XGBoost batch inference, with a local Batch Transform harness.",
    subcommands = {ServeCommand.class, TrainCommand.class, TransformCommand.class, LoadtestCommand.class,
        PlanCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("batchserve " + commandLine.getCommandName() + ": " + e.getMessage());
      return 2;
    });
    return cli;
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"batchserve " + (version == null ? "dev" : version)};
    }
  }
}
