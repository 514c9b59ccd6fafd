package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.report.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SpellingsTest {
  @Test
  void transformFlags_anyCaseOfTheirSpelling_parse() {
    TransformCommand transform =
        parse(
            "--progress",
            "LOG",
            "--newline",
            "If-Missing",
            "--slice-end",
            "Exclusive",
            "--payload-unit",
            "mb");
    assertEquals(Progress.Mode.LOG, transform.harness.progress);
    assertEquals(TransformHarnessFlags.Newline.IF_MISSING, transform.harness.newline);
    assertEquals(SliceEnd.EXCLUSIVE, transform.harness.sliceEnd);
    assertEquals(TransformHarnessFlags.PayloadUnit.MEGABYTE, transform.harness.payloadUnit);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--progress | loud | auto, bar, log or none",
        "--newline | sometimes | always or if-missing",
        "--slice-end | open | inclusive or exclusive",
        "--payload-unit | GB | MiB or MB"
      })
  void transformFlags_unknownValue_namesTheFlagAndEveryChoice(
      String flag, String value, String choices) {
    assertEquals(
        "Invalid value for option '" + flag + "': '" + value + "' is not " + choices,
        usageError(flag, value));
  }

  private static TransformCommand parse(String... args) {
    CommandLine cli = Main.commandLine();
    cli.parseArgs(prepend("transform", args));
    return (TransformCommand) cli.getSubcommands().get("transform").getCommand();
  }

  private static String usageError(String flag, String value) {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("transform", flag, value);
    assertEquals(2, code);
    String first = err.toString().lines().findFirst().orElse("");
    assertTrue(err.toString().contains("Usage: batchserve transform"), err.toString());
    return first;
  }

  private static String[] prepend(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
