package dev.personas.classify;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.util.List;

/**
 * How a group of sessions ended, as far as the logs show it (not a measure of quality). The
 * three shares overlap: a session can end with a commit and passing tests.
 *
 * @param sessions sessions counted
 * @param agentCommit share with at least one commit or pull request made by the agent
 *     ({@link Feature#AGENT_COMMITS} &gt; 0)
 * @param testsPassing share whose last test run passed ({@link Feature#TESTS_PASS_AT_END} = 1,
 *     which implies tests ran)
 * @param afterError share abandoned after an error: the last tool result was an error or the
 *     last test run failed ({@link Feature#ENDED_AFTER_ERROR} = 1)
 */
public record Outcomes(int sessions, double agentCommit, double testsPassing, double afterError) {

  public Outcomes {
    if (sessions < 1) {
      throw new IllegalArgumentException("outcomes need at least one session");
    }
  }

  /** The outcomes of these sessions (at least one), shares rounded as the model file writes them. */
  public static Outcomes of(List<FeatureVector> sessions) {
    double commit = 0;
    double passing = 0;
    double error = 0;
    for (FeatureVector f : sessions) {
      commit += f.get(Feature.AGENT_COMMITS) > 0 ? 1 : 0;
      passing += f.get(Feature.TESTS_PASS_AT_END) > 0 ? 1 : 0;
      error += f.get(Feature.ENDED_AFTER_ERROR) > 0 ? 1 : 0;
    }
    int n = sessions.size();
    return new Outcomes(n, Numbers.fixed(commit / n), Numbers.fixed(passing / n), Numbers.fixed(error / n));
  }
}
