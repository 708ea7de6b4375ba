package dev.personas.sample;

import dev.personas.classify.SessionType;
import dev.personas.features.ToolCategory;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the category of the routine tool calls that fill a session between its telling moves
 * (the edits of a Workshop, the failing tests of a Spiral), so that the whole sample's calls
 * fall into {@link ToolCategory}'s published shares. Each session type draws only from the
 * categories it allows (a Consult never edits), and every draw leans towards the categories the
 * sample has so far written less of than published: feedback over every call counted, the
 * telling ones included, so the shares hold whatever the mix of session types.
 */
final class ToolMix {
  /** Calls a category may fall behind or run ahead before the feedback pushes back hard. */
  private static final double SLACK = 200;

  private final Map<ToolCategory, Long> counts = new EnumMap<>(ToolCategory.class);
  private long total;

  /** Counts one call the sample wrote. */
  void count(String toolName, String command) {
    counts.merge(ToolCategory.of(toolName, command), 1L, Long::sum);
    total++;
  }

  /** The category of the next routine call of a session of this type. */
  ToolCategory next(SessionType type, SplittableRandom random) {
    ToolCategory[] all = ToolCategory.values();
    double[] weight = new double[all.length];
    double sum = 0;
    for (ToolCategory c : all) {
      double share = c.publishedShare() / 100;
      double want = share * (total + SLACK);
      double have = counts.getOrDefault(c, 0L) + share * SLACK;
      double push = Math.min(50, Math.max(0.01, Math.pow(want / have, 10)));
      weight[c.ordinal()] = allowed(type, c) * share * push;
      sum += weight[c.ordinal()];
    }
    double x = random.nextDouble() * sum;
    for (ToolCategory c : all) {
      x -= weight[c.ordinal()];
      if (x < 0) {
        return c;
      }
    }
    return ToolCategory.READ;
  }

  /**
   * How much a session type leans on a category for routine work (0: never). Plan mode and
   * subagents are the Scaffold's own moves, written by its script; a Consult only looks.
   */
  private static double allowed(SessionType type, ToolCategory c) {
    switch (c) {
      case ENTER_PLAN_MODE:
      case EXIT_PLAN_MODE:
        return 0;
      case EDIT:
      case WRITE:
        return type == SessionType.CONSULT || type == SessionType.ONE_SHOT ? 0 : 1;
      case WEB:
        return type == SessionType.CONSULT ? 6 : 0.5;
      case READ:
      case GREP:
      case GLOB:
        return type == SessionType.CONSULT ? 2 : 1;
      case AGENT:
        return type == SessionType.SCAFFOLD ? 4 : type == SessionType.CONSULT ? 0 : 1;
      case TODO_WRITE:
        return type == SessionType.SCAFFOLD ? 3 : type == SessionType.CONSULT ? 0 : 1;
      case BASH_BUILD:
      case BASH_NET:
      case TOOL_SEARCH:
      case ASK_USER_QUESTION:
      case SKILL:
        return type == SessionType.CONSULT ? 0 : 1;
      default:
        return 1;
    }
  }
}
