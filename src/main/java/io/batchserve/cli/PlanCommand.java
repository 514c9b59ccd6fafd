package io.batchserve.cli;

import io.batchserve.loadtest.plan.InstanceCounts;
import io.batchserve.loadtest.plan.InstancePrice;
import io.batchserve.loadtest.plan.MeasuredRate;
import io.batchserve.loadtest.plan.Plan;
import io.batchserve.loadtest.plan.PlanInput;
import io.batchserve.loadtest.plan.PlanReport;
import io.batchserve.loadtest.plan.Planner;
import io.batchserve.loadtest.plan.PriceTable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code plan}: time and cost of a Batch Transform run against a real-time and an async endpoint.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Wall-clock time and cost per run of a Batch Transform job for a range of instance counts,",
      "against an always-on real-time endpoint and a scale-to-zero async endpoint. Give the"
          + " per-instance speed",
      "as --records-per-second, --from-report (a loadtest JSON report) or --seconds-per-record with"
          + " --concurrency."
    })
final class PlanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--print-prices",
      description = "Print the bundled price table (a documented CSV to copy and edit) and exit.")
  boolean printPrices;

  @Option(names = "--records", description = "Records per run.")
  Long records;

  @ArgGroup(exclusive = true)
  Speed speed;

  static final class Speed {
    @Option(
        names = "--records-per-second",
        description = "Records one instance processes per second.")
    Double recordsPerSecond;

    @Option(
        names = "--from-report",
        description = "A loadtest JSON report: its recommendation's records/s.")
    Path report;

    @Option(
        names = "--seconds-per-record",
        description = "Seconds one record takes (with --concurrency).")
    Double secondsPerRecord;
  }

  @Option(
      names = "--concurrency",
      defaultValue = "1",
      description =
          "With --seconds-per-record: records in "
              + "flight per instance (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--scale-to-vcpus",
      description =
          "With --from-report: scale the measured rate by the instance's "
              + "vCPUs over the processors it was measured on (assumes linear scaling).")
  boolean scaleToVcpus;

  @Option(
      names = "--instance-type",
      defaultValue = "ml.m5.xlarge",
      description = "Default: ${DEFAULT-VALUE}.")
  String instanceType;

  @Option(names = "--prices", description = "An edited price table (default: the bundled one).")
  Path prices;

  @Option(
      names = "--instances",
      defaultValue = "1-10",
      description = "Instance counts: 1-20, 1,2,5 or a mix (default: ${DEFAULT-VALUE}).")
  String instances;

  @Option(
      names = "--cold-start-minutes",
      defaultValue = "5",
      description =
          "Start-up before the first record: "
              + "instances, image, model; billed (default: ${DEFAULT-VALUE}).")
  double coldStartMinutes;

  @Option(
      names = "--files",
      defaultValue = "0",
      description =
          "Input files per run; 0: enough to keep every "
              + "instance busy (default: ${DEFAULT-VALUE}).")
  int files;

  @Option(names = "--runs-per-week", defaultValue = "7", description = "Default: ${DEFAULT-VALUE}.")
  double runsPerWeek;

  @Option(
      names = "--endpoint-instances",
      defaultValue = "1",
      description = "Instances of the always-on endpoint (default: ${DEFAULT-VALUE}).")
  int endpointInstances;

  @Option(
      names = "--async-scale-in-minutes",
      defaultValue = "15",
      description =
          "How long the async endpoint keeps its instances after the work before scaling to zero"
              + " (default: ${DEFAULT-VALUE}).")
  double asyncScaleInMinutes;

  @Option(names = "--out", description = "Also write NAME.json, NAME.html and NAME.png here.")
  Path out;

  @Option(
      names = "--name",
      defaultValue = "plan",
      description = "Report file name (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws Exception {
    var stdout = spec.commandLine().getOut();
    if (printPrices) {
      stdout.print(PriceTable.bundledText());
      return 0;
    }
    if (records == null || speed == null) {
      throw new ParameterException(
          spec.commandLine(),
          "give --records and one of --records-per-second, "
              + "--from-report, --seconds-per-record");
    }
    PriceTable table = prices != null ? PriceTable.load(prices) : PriceTable.bundled();
    InstancePrice price = table.find(instanceType);
    MeasuredRate rate = rate(price);
    PlanInput input =
        new PlanInput(
            records,
            rate.recordsPerSecond(),
            price,
            InstanceCounts.parse(instances),
            coldStartMinutes * 60,
            files,
            runsPerWeek,
            endpointInstances,
            asyncScaleInMinutes * 60);
    Plan plan = Planner.plan(input, table.source());
    String title = String.format(Locale.ROOT, "Plan: %,d records on %s", records, instanceType);
    stdout.println(title + " (speed: " + rate.description() + ")");
    stdout.println(PlanReport.text(plan));
    if (out != null) {
      String command =
          "java -jar target/batchserve.jar " + String.join(" ", LoadtestCommand.quoted(spec));
      PlanReport.write(plan, title, rate.description(), command, out, name)
          .forEach(file -> stdout.println("wrote " + file));
    }
    return 0;
  }

  private MeasuredRate rate(InstancePrice price) {
    if (speed.report != null) {
      MeasuredRate measured = MeasuredRate.fromReport(speed.report);
      return scaleToVcpus ? measured.scaledTo(price.vcpu()) : measured;
    }
    if (speed.secondsPerRecord != null) {
      return new MeasuredRate(
          concurrency / speed.secondsPerRecord,
          0,
          concurrency + " records in flight x " + speed.secondsPerRecord + " s each");
    }
    return new MeasuredRate(
        speed.recordsPerSecond, 0, speed.recordsPerSecond + " records/s per instance");
  }
}
