package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code plan} and {@code loadtest} command line of the README and the docs, run as its own
 * process the way a user types it, reading what it prints. Only what a test must change is changed:
 * reports go to a temporary folder (a plan's {@code --from-report} reads the report the documented
 * load test wrote there), and load-test runs are cut to a fraction of a second, each setting run
 * once.
 */
class DocumentedCommandsTest {
  private static final String PREFIX = "java -jar target/batchserve.jar ";

  @TempDir Path dir;

  @Test
  void documentedCommands_runAsProcesses_printWhatTheDocsPromise() throws Exception {
    List<List<String>> commands = new ArrayList<>();
    commands.addAll(commands(Path.of("README.md")));
    try (var docs = Files.list(Path.of("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        commands.addAll(commands(doc));
      }
    }
    assertEquals(8, commands.size(), "documented plan/loadtest command lines: " + commands);
    // load tests first: the plans read their reports
    commands.sort((a, b) -> Boolean.compare(a.get(0).equals("plan"), b.get(0).equals("plan")));
    for (List<String> command : commands) {
      List<String> args = forTest(command);
      Cli.Result result = Cli.run(dir, args);
      assertEquals(0, result.exit(), args + "\n" + result);
      if (command.get(0).equals("loadtest")) {
        assertLoadTestOutput(result, args);
      } else {
        assertTrue(
            result.stdout().contains("wall-clock") && result.stdout().contains("Plan: "),
            args + "\n" + result);
      }
    }
  }

  @Test
  void printPrices_printsTheTableThatPricesReads() throws Exception {
    Cli.Result printed = Cli.run(dir, List.of("plan", "--print-prices"));
    assertEquals(0, printed.exit(), printed.toString());
    assertTrue(
        printed.stdout().startsWith("#") && printed.stdout().contains("ml.m5.xlarge"),
        printed.toString());
    Path prices = Files.writeString(dir.resolve("prices.csv"), printed.stdout());
    Cli.Result plan =
        Cli.run(
            dir,
            List.of(
                "plan",
                "--records",
                "1000000",
                "--records-per-second",
                "500",
                "--prices",
                prices.toString(),
                "--instances",
                "1,2"));
    assertEquals(0, plan.exit(), plan.toString());
    assertTrue(plan.stdout().contains("wall-clock"), plan.toString());
  }

  @Test
  void loadtest_idColumnLeftIn_stopsAfterOneRequestWithTheServersMessage() throws Exception {
    Cli.Result result =
        Cli.run(
            dir,
            List.of(
                "loadtest",
                "--model-dir",
                "model/churn",
                "--workers",
                "1",
                "--data",
                "test/data/churn/customers-001.csv",
                "--max-payload-in-mb",
                "1",
                "--out",
                dir.toString()));

    assertEquals(2, result.exit(), result.toString());
    assertTrue(
        result.stderr().contains("batchserve loadtest: the first request (a 1 MB body of "),
        result.toString());
    assertTrue(
        result.stderr().contains(" text/csv records) answered 400 Bad Request: "),
        result.toString());
    assertTrue(result.stderr().contains("--drop-first-column drops it"), result.toString());
    assertFalse(result.stdout().contains("records/s"), "no sweep, no table:\n" + result);
  }

  private void assertLoadTestOutput(Cli.Result result, List<String> args) throws IOException {
    String out = result.stdout();
    int header = out.indexOf("records/s  spread");
    int firstProgress = out.indexOf(" records/s, p99 ");
    int recommended = out.indexOf("Recommended");
    assertTrue(
        firstProgress > 0 && header > firstProgress && recommended > header,
        "progress, then the table, then the recommendation:\n" + result);
    String table = out.substring(header, recommended);
    assertFalse(
        table.contains("round ") || table.contains("warm-up") || table.contains(" records/s, p99 "),
        "nothing but rows in the table:\n" + result);
    assertTrue(out.contains("server log: "), result.toString());
    assertFalse(
        out.contains("listening on") || result.stderr().contains("listening on"),
        "the server's log stays out of the terminal:\n" + result);
    String name = args.get(args.indexOf("--name") + 1);
    assertTrue(Files.readString(dir.resolve(name + "-server.log")).contains("listening on"));
    assertTrue(
        Files.exists(dir.resolve(name + ".json")) && Files.exists(dir.resolve(name + ".png")));
  }

  /** The command with its reports in the temporary folder and its runs cut short. */
  private List<String> forTest(List<String> command) {
    List<String> args = new ArrayList<>(command);
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--from-report")) {
        args.set(i + 1, dir.resolve(Path.of(args.get(i + 1)).getFileName()).toString());
      }
    }
    set(args, "--out", dir.toString());
    if (command.get(0).equals("loadtest")) {
      set(
          args,
          "--name",
          args.contains("--name") ? args.get(args.indexOf("--name") + 1) : "loadtest");
      set(args, "--duration-seconds", "0.2");
      set(args, "--warmup-seconds", "0.2");
      set(args, "--max-requests", "2");
      set(args, "--repeat", "1");
    }
    return args;
  }

  private static void set(List<String> args, String flag, String value) {
    int at = args.indexOf(flag);
    if (at >= 0) {
      args.set(at + 1, value);
    } else {
      args.addAll(List.of(flag, value));
    }
  }

  /**
   * The {@code plan} and {@code loadtest} command lines of a document: lines of its code blocks
   * (continuations joined, comments cut) and commands quoted inline in its text or tables ({@code
   * `java -jar ... plan ...`}).
   */
  static List<List<String>> commands(Path document) throws IOException {
    List<List<String>> commands = new ArrayList<>();
    List<String> lines = Files.readAllLines(document);
    Pattern inline = Pattern.compile("`" + Pattern.quote(PREFIX) + "((?:plan|loadtest) [^`]+)`");
    for (String line : lines) {
      Matcher m = inline.matcher(line);
      while (m.find()) {
        commands.add(new ArrayList<>(Arrays.asList(m.group(1).strip().split("\\s+"))));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith(PREFIX + "plan ") && !line.startsWith(PREFIX + "loadtest ")) {
        continue;
      }
      StringBuilder text = new StringBuilder(line);
      while (text.toString().endsWith("\\")) {
        text.setLength(text.length() - 1);
        text.append(' ').append(lines.get(++i).strip());
      }
      String command =
          text.toString().replaceAll("\\s+#.*$", "").substring(PREFIX.length()).strip();
      commands.add(new ArrayList<>(Arrays.asList(command.split("\\s+"))));
    }
    return commands;
  }
}
