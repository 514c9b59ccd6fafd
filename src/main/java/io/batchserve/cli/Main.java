package io.batchserve.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar batchserve.jar <command>}. */
@Command(
    name = "batchserve",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "A SageMaker model server for XGBoost batch inference, with a local Batch Transform"
            + " harness.",
    subcommands = {
      ServeCommand.class,
      TrainCommand.class,
      TransformCommand.class,
      LoadtestCommand.class,
      PlanCommand.class,
      EndpointCommand.class,
      ReplayCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    CommandLine cli = commandLine();
    int code = cli.execute(args);
    // picocli's writers flush on println only; what a command print()ed must not be lost at exit.
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(code);
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine
              .getErr()
              .println(
                  "batchserve "
                      + commandLine.getCommandName()
                      + ": "
                      + (e.getMessage() != null ? e.getMessage() : e.toString()));
          return 2;
        });
    return cli;
  }

  /**
   * The command list of the top-level help, each command's description whole (picocli shows only
   * its first line).
   */
  private static String commandList(CommandLine.Help help) {
    StringBuilder out = new StringBuilder();
    CommandLine.Help.TextTable table =
        CommandLine.Help.TextTable.forColumns(
            help.colorScheme(),
            new CommandLine.Help.Column(13, 2, CommandLine.Help.Column.Overflow.SPAN),
            new CommandLine.Help.Column(
                Math.max(40, help.commandSpec().usageMessage().width() - 13),
                2,
                CommandLine.Help.Column.Overflow.WRAP));
    help.subcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.commandSpec().usageMessage().hidden()
                  && name.equals(sub.commandSpec().name())) {
                table.addRowValues(
                    name,
                    String.join(" ", sub.commandSpec().usageMessage().description())
                        .replace("%n", " ")
                        .strip());
              }
            });
    return out.append(table).toString();
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
