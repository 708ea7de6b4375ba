package dev.personas.classify;

import java.util.Arrays;
import java.util.List;

/** The seven session types of RESEARCH.md §4, in the fixed order of the model file. */
public enum SessionType {
  ONE_SHOT("one-shot", "One-shot", "A brief request, done in one or two exchanges."),
  CONSULT("consult", "Consult", "The person asks, the agent reads and answers."),
  BLUEPRINT("blueprint", "Blueprint", "Arrives with the spec worked out, then lets the agent run."),
  SCAFFOLD("scaffold", "Scaffold", "Sets the table first: context, conventions, plan, subagents."),
  WORKSHOP("workshop", "Workshop", "Marks up the agent's drafts in tight edit-review cycles."),
  MARATHON("marathon", "Marathon", "Long sustained building across many turns."),
  SPIRAL("spiral", "Spiral", "A loop that does not converge: the same error keeps coming back.");

  private final String slug;
  private final String displayName;
  private final String tagline;

  SessionType(String slug, String displayName, String tagline) {
    this.slug = slug;
    this.displayName = displayName;
    this.tagline = tagline;
  }

  /** URL and JSON name, e.g. "one-shot". */
  public String slug() {
    return slug;
  }

  public String displayName() {
    return displayName;
  }

  public String tagline() {
    return tagline;
  }

  /** Every type's slug, in declaration order (the rows and columns of a confusion matrix). */
  static List<String> slugs() {
    return Arrays.stream(values()).map(SessionType::slug).toList();
  }

  /** The type with this slug. */
  public static SessionType fromSlug(String slug) {
    for (SessionType t : values()) {
      if (t.slug.equals(slug)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown session type: " + slug);
  }
}
