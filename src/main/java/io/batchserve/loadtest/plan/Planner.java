package io.batchserve.loadtest.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes a plan. Processing time is the busiest instance's records over the per-instance
 * records/s; instances are assumed to scale linearly (each processes as fast as the one measured),
 * and the records to be spread evenly over the input files. Bills are per instance-second, at the
 * price table's hourly rates.
 */
public final class Planner {
  public static final double HOURS_PER_WEEK = 168;

  /** AWS prices a month as 730 hours. */
  public static final double HOURS_PER_MONTH = 730;

  private Planner() {}

  public static Plan plan(PlanInput input, String priceSource) {
    List<Plan.Row> rows = new ArrayList<>();
    for (int n : input.instanceCounts()) {
      rows.add(row(input, n));
    }
    return new Plan(input, priceSource, rows, endpoint(input), notes(input));
  }

  static Plan.Row row(PlanInput input, int instances) {
    int busy = input.files() == 0 ? instances : Math.min(instances, input.files());
    double busiestRecords =
        input.files() == 0
            ? (double) input.records() / instances
            : Math.ceil((double) input.files() / instances) * input.records() / input.files();
    double processing = busiestRecords / input.recordsPerSecond();
    double wall = input.coldStartSeconds() + processing;
    double batch = instances * hours(wall) * input.price().batchPerHour();
    double asyncHours = hours(wall + input.asyncScaleInSeconds());
    double async = instances * asyncHours * input.price().asyncPerHour();
    return new Plan.Row(
        instances,
        busy,
        processing,
        wall,
        batch,
        batch * input.runsPerWeek(),
        async,
        async * input.runsPerWeek());
  }

  static Plan.Endpoint endpoint(PlanInput input) {
    int k = input.endpointInstances();
    double perWeek = k * HOURS_PER_WEEK * input.price().realtimePerHour();
    double perMonth = k * HOURS_PER_MONTH * input.price().realtimePerHour();
    double runSeconds = input.records() / (input.recordsPerSecond() * k);
    double busy = runSeconds * input.runsPerWeek() / (HOURS_PER_WEEK * 3600);
    return new Plan.Endpoint(k, perWeek, perMonth, runSeconds, perWeek / input.runsPerWeek(), busy);
  }

  private static List<String> notes(PlanInput input) {
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "%,d records at %s records/s per instance; cold start %s s per run; %s runs a week;"
                + " prices per instance-hour of %s: batch $%s, real-time $%s, async $%s",
            input.records(),
            trim(input.recordsPerSecond()),
            trim(input.coldStartSeconds()),
            trim(input.runsPerWeek()),
            input.price().type(),
            trim(input.price().batchPerHour()),
            trim(input.price().realtimePerHour()),
            trim(input.price().asyncPerHour())));
    notes.add(
        "Batch Transform bills every instance from start-up (cold start included) to the end of the"
            + " job; the slowest instance decides the end");
    notes.add(
        "the real-time endpoint is up 24 h a day: "
            + trim(HOURS_PER_WEEK)
            + " h a week, "
            + trim(HOURS_PER_MONTH)
            + " h a month");
    notes.add(
        "the async endpoint scales from zero for each run: cold start, processing, then "
            + trim(input.asyncScaleInSeconds() / 60)
            + " min before it scales back to zero");
    if (input.files() > 0) {
      notes.add(
          input.files()
              + " input files: each goes to one instance, so more than "
              + input.files()
              + " instances leave some idle (still billed)");
    } else {
      notes.add(
          "assumes enough input files to keep every instance busy (Batch Transform gives each file"
              + " to one instance): give --files to account for them");
    }
    notes.add("not included: storage, data transfer, S3 requests, and any instance-hour minimums");
    return notes;
  }

  static double hours(double seconds) {
    return seconds / 3600;
  }

  /** 7, 246,700, 0.1333, 2.5: whole numbers without a fraction, others to 4 significant digits. */
  static String trim(double value) {
    if (Math.abs(value) >= 1000 || value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", Math.round(value));
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
