package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * One meaning per flag, API names for API fields; the old spellings still work, each with a
 * one-line note.
 */
class FlagVocabularyTest {
  private static String notesOf(Runnable parse) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      parse.run();
    } finally {
      System.setErr(original);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void transform_oldPayloadMb_isThePayloadUnit() {
    TransformCommand transform = new TransformCommand();
    String notes =
        notesOf(
            () -> {
              new CommandLine(transform).parseArgs("--payload-mb", "MB");
              transform.harness.options(null, List.of(), 1);
            });
    assertEquals(TransformHarnessFlags.PayloadUnit.MEGABYTE, transform.harness.payloadUnit);
    assertEquals(
        "note: --payload-mb (the packing unit) is now --payload-unit; the old spelling works for"
            + " now",
        notes.strip());
    TransformCommand renamed = new TransformCommand();
    new CommandLine(renamed).parseArgs("--payload-unit", "MB");
    assertEquals(TransformHarnessFlags.PayloadUnit.MEGABYTE, renamed.harness.payloadUnit);
  }

  @Test
  void loadtest_oldSweepFlags_setTheApiNamedOnes() {
    LoadtestOptions options = new LoadtestOptions();
    String notes =
        notesOf(
            () -> {
              new CommandLine(options)
                  .parseArgs("--data", "x.csv", "--payload-mb", "1,2", "--max-concurrency", "3");
              options.resolveOldSpellings();
            });
    assertEquals(List.of(1, 2), options.payloadMbs);
    assertEquals(3, options.maxConcurrency);
    assertTrue(notes.contains("note: --payload-mb is now --max-payload-in-mb"), notes);
    assertTrue(notes.contains("note: --max-concurrency is now --max-concurrent-transforms"), notes);
    LoadtestOptions renamed = new LoadtestOptions();
    new CommandLine(renamed)
        .parseArgs(
            "--data", "x.csv", "--max-payload-in-mb", "6,12", "--max-concurrent-transforms", "4");
    assertEquals(List.of(6, 12), renamed.payloadMbs);
    assertEquals(4, renamed.maxConcurrency);
  }

  @Test
  void serve_oldMaxPayloadMb_setsMaxPayloadInMb() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--max-payload-mb", "7");
    assertEquals(7, serve.oldMaxPayloadMb, "moved to maxPayloadMb, with the note, when serve runs");
    ServeCommand renamed = new ServeCommand();
    new CommandLine(renamed).parseArgs("--max-payload-in-mb", "7");
    assertEquals(7, renamed.maxPayloadMb);
  }

  @Test
  void help_endpointAndEndpointUrl_sayWhichIsWhich() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.execute("transform", "--help");
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(
        help.contains("Not --endpoint-url, which is the S3 endpoint as in the AWS CLI."), help);
    assertTrue(help.contains("Not --endpoint, which names a running container."), help);
  }

  @Test
  void topLevelHelp_showsEachDescriptionWhole() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.execute("--help");
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("same outputs. Exit code 0 only when the job Completed."), help);
    assertTrue(help.contains("then recommend MaxConcurrentTransforms and MaxPayloadInMB."), help);
  }
}
