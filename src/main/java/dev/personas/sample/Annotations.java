package dev.personas.sample;

import dev.personas.classify.SessionType;
import java.util.SplittableRandom;

/**
 * The annotations SWE-chat's v2 release adds to a session, drawn to follow what was planted and
 * at the release's rates (RESEARCH.md §2): who wrote the committed code (about 23 % of sessions
 * human-only, 41 % vibe coding at 99 % or more), a success score of which about 87.5 % reach 50
 * (Spirals far less often), and the user's persona in that session.
 *
 * @param agentLines committed lines the agent wrote
 * @param humanLines committed lines the person wrote
 * @param agentPercentage 100 × agent lines / all lines, one decimal; 0 when nothing was committed
 * @param success session success score, 0–100
 * @param persona "Expert Nitpicker", "Vague Requester", "Mind Changer" or "Other"
 */
record Annotations(long agentLines, long humanLines, double agentPercentage, long success, String persona) {

  static Annotations of(SessionType type, ClaudeLog.Stats stats, SplittableRandom r) {
    double humanOnly = switch (type) {
      case CONSULT -> 0.9;
      case SPIRAL -> 0.3;
      case ONE_SHOT -> 0.25;
      default -> 0.1;
    };
    double vibe = switch (type) {
      case BLUEPRINT -> 0.75;
      case SCAFFOLD, ONE_SHOT -> 0.7;
      case CONSULT -> 0.5;
      case WORKSHOP -> 0.35;
      default -> 0.45;
    };
    long agent;
    long human;
    double roll = r.nextDouble();
    if (stats.agentLines == 0 || roll < humanOnly) {
      // The agent's changes, if any, were not what got committed: the person wrote the code.
      agent = 0;
      human = 5 + r.nextInt(120);
    } else if (r.nextDouble() < vibe) {
      agent = stats.agentLines;
      human = 0;
    } else {
      agent = stats.agentLines;
      human = Math.max(1, Math.round(agent * (0.05 + 1.5 * r.nextDouble())));
    }
    double percentage = Math.round(1000.0 * agent / (agent + human)) / 10.0;
    if (human > 0 && percentage >= 99) {
      percentage = 98.9; // a person's line is a person's line: collaborative, not vibe coding
    }
    long success = type == SessionType.SPIRAL
        ? 10 + r.nextInt(70)
        : r.nextDouble() < 0.935 ? 50 + r.nextInt(51) : 5 + r.nextInt(45);
    return new Annotations(agent, human, percentage, success, persona(type, r));
  }

  private static String persona(SessionType type, SplittableRandom r) {
    double x = r.nextDouble();
    return switch (type) {
      case WORKSHOP -> x < 0.6 ? "Expert Nitpicker" : x < 0.75 ? "Mind Changer" : "Other";
      case SPIRAL -> x < 0.6 ? "Vague Requester" : x < 0.7 ? "Mind Changer" : "Other";
      case MARATHON -> x < 0.35 ? "Mind Changer" : x < 0.55 ? "Expert Nitpicker" : "Other";
      case ONE_SHOT -> x < 0.25 ? "Vague Requester" : "Other";
      case CONSULT -> x < 0.1 ? "Vague Requester" : "Other";
      default -> x < 0.1 ? "Expert Nitpicker" : x < 0.18 ? "Mind Changer" : "Other";
    };
  }
}
