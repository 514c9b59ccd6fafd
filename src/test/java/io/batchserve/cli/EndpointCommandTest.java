package io.batchserve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The endpoint and replay commands refuse bad flags before starting anything, with exit code 2 and
 * a message naming the flag or file that is wrong.
 */
class EndpointCommandTest {
  private final CliRun cli = new CliRun();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--scalable-target test/endpoint/scalable-target.json | --scalable-target and"
            + " --scaling-policy go together",
        "--scaling-policy test/endpoint/backlog-policy.json | --scalable-target and"
            + " --scaling-policy go together",
        "--scaling-sample-seconds 0 | --scaling-sample-seconds 0.0: must be over 0",
        "--metrics-seconds -1 | --metrics-seconds -1.0: must be over 0",
        "--max-backlog 0 | --max-backlog 0: must be at least 1",
        "--scalable-target test/endpoint/scalable-target.json --scaling-policy"
            + " test/endpoint/scalable-target.json | PolicyType '', expected TargetTrackingScaling",
      })
  void endpoint_badScalingFlags_exitTwoNamingTheFlag(String flags, String message) {
    String[] args =
        ("endpoint --endpoint-config test/endpoint/churn-async.json --model-dir model/churn "
                + flags)
            .split(" ");
    assertEquals(2, cli.run(args), cli.out + "\n" + cli.err);
    assertTrue(cli.err.toString().contains(message), cli.err.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--requests 0 | --requests 0: must be at least 1",
        "--rate -2 | --rate -2.0: must be 0 (no limit) or more",
        "--submitters 0 | --submitters 0: must be 1..256",
        "--timeout-minutes 0 | --timeout-minutes 0.0: must be positive",
      })
  void replay_badFlags_exitTwoNamingTheFlag(String flags, String message) {
    String[] args =
        ("replay --name churn-async --input test/endpoint/requests/one-customer.csv " + flags)
            .split(" ");
    assertEquals(2, cli.run(args), cli.out + "\n" + cli.err);
    assertTrue(cli.err.toString().contains(message), cli.err.toString());
  }
}
