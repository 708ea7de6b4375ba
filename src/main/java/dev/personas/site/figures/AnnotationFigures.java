package dev.personas.site.figures;

import java.util.List;
import java.util.Objects;

/**
 * The SWE-chat authors' own annotations set beside our session types and personas (RESEARCH.md
 * §2). Rows are our groups in {@code SessionType} or {@code Persona} order followed by "All
 * sessions"; persona rows count the sessions of people given that persona. A dataset without an
 * annotation has empty tables for it ({@link Crosstab#isEmpty()}), and the pages say what a
 * release that carries it would show.
 *
 * @param codingModeByType coding mode (from agent_percentage) by session type
 * @param codingModeByPersona coding mode by persona
 * @param successByType session_success by session type, then all sessions
 * @param successByPersona session_success by persona, then all sessions
 * @param userPersonaByPersona the authors' user_persona by our persona
 * @param userPersonaByType the authors' user_persona by session type
 * @param intentsByType prompt intents (prompts, not sessions) by session type
 */
public record AnnotationFigures(
    Crosstab codingModeByType,
    Crosstab codingModeByPersona,
    List<Success> successByType,
    List<Success> successByPersona,
    Crosstab userPersonaByPersona,
    Crosstab userPersonaByType,
    Crosstab intentsByType) {

  public AnnotationFigures {
    Objects.requireNonNull(codingModeByType, "codingModeByType");
    Objects.requireNonNull(codingModeByPersona, "codingModeByPersona");
    successByType = List.copyOf(successByType);
    successByPersona = List.copyOf(successByPersona);
    Objects.requireNonNull(userPersonaByPersona, "userPersonaByPersona");
    Objects.requireNonNull(userPersonaByType, "userPersonaByType");
    Objects.requireNonNull(intentsByType, "intentsByType");
  }

  /** True when the dataset carries session_success. */
  public boolean hasSuccess() {
    return successByType.get(successByType.size() - 1).sessions() > 0;
  }

  /** True when the dataset carries none of the annotations. */
  public boolean isEmpty() {
    return codingModeByType.isEmpty() && !hasSuccess() && userPersonaByType.isEmpty()
        && intentsByType.isEmpty();
  }
}
