package dev.personas.session;

import java.util.Map;
import java.util.Objects;

/**
 * What the SWE-chat authors annotated on a session (RESEARCH.md §2), carried as published so the
 * site can set it beside our own types and personas. Logs a person has on their own machine carry
 * none of it: {@link #NONE}.
 *
 * @param agentPercentage share of the session's committed code the agent wrote, 0–100, or NaN
 *     when the dataset does not say
 * @param sessionSuccess the authors' success score, 0–100, or NaN when the dataset does not say
 * @param userPersona the authors' user persona of the session ("Expert Nitpicker", …), or ""
 * @param promptIntents how many of the session's prompts carry each intent ("debug": 3, …)
 */
public record Annotations(
    double agentPercentage, double sessionSuccess, String userPersona,
    Map<String, Integer> promptIntents) {

  /** A session with no annotation. */
  public static final Annotations NONE = new Annotations(Double.NaN, Double.NaN, "", Map.of());

  /** Coding modes of the SWE-chat paper, from {@link #agentPercentage}. */
  public enum CodingMode {
    HUMAN_ONLY("Human-only"),
    COLLABORATIVE("Collaborative"),
    VIBE_CODING("Vibe coding");

    private final String displayName;

    CodingMode(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }

  public Annotations {
    Objects.requireNonNull(userPersona, "userPersona");
    promptIntents = SortedCounts.of(promptIntents);
    if (agentPercentage < 0 || agentPercentage > 100) {
      throw new IllegalArgumentException("agent_percentage is 0–100, got " + agentPercentage);
    }
    if (sessionSuccess < 0 || sessionSuccess > 100) {
      throw new IllegalArgumentException("session_success is 0–100, got " + sessionSuccess);
    }
  }

  public boolean hasAgentPercentage() {
    return !Double.isNaN(agentPercentage);
  }

  public boolean hasSessionSuccess() {
    return !Double.isNaN(sessionSuccess);
  }

  public boolean hasUserPersona() {
    return !userPersona.isEmpty();
  }

  /** True when nothing is annotated. */
  public boolean isEmpty() {
    return !hasAgentPercentage() && !hasSessionSuccess() && !hasUserPersona() && promptIntents.isEmpty();
  }

  /**
   * The paper's coding mode: 0 % is human-only, 99 % or more vibe coding, anything between
   * collaborative. Only when {@link #hasAgentPercentage()}.
   */
  public CodingMode codingMode() {
    if (!hasAgentPercentage()) {
      throw new IllegalStateException("no agent_percentage to read a coding mode from");
    }
    if (agentPercentage == 0) {
      return CodingMode.HUMAN_ONLY;
    }
    return agentPercentage >= 99 ? CodingMode.VIBE_CODING : CodingMode.COLLABORATIVE;
  }

  /** The same session's annotations with these prompt intents counted. */
  public Annotations withPromptIntents(Map<String, Integer> intents) {
    return new Annotations(agentPercentage, sessionSuccess, userPersona, intents);
  }
}
