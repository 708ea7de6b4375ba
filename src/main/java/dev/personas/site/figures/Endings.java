package dev.personas.site.figures;

/**
 * How sessions of a type end. The three shares overlap: a session can end with a commit and
 * passing tests.
 *
 * @param agentCommit share ending with a commit or pull request by the agent
 * @param testsPassing share whose last test run passed
 * @param afterError share ending after a failed tool call or test run that no prompt fixed
 */
public record Endings(double agentCommit, double testsPassing, double afterError) {

  public Endings {
    Check.share(agentCommit, "agentCommit");
    Check.share(testsPassing, "testsPassing");
    Check.share(afterError, "afterError");
  }
}
