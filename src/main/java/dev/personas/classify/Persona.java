package dev.personas.classify;

import java.util.Arrays;
import java.util.List;

/** The seven personas of RESEARCH.md §4, in the fixed order of the model file. */
public enum Persona {
  PAIR_PROGRAMMER("pair-programmer", "The Pair Programmer",
      "Long sessions, steers and verifies throughout.",
      List.of(SessionType.MARATHON, SessionType.WORKSHOP)),
  SPEC_FIRST_ARCHITECT("spec-first-architect", "The Spec-First Architect",
      "Engagement up front, little afterwards.", List.of(SessionType.BLUEPRINT)),
  QUICK_TURN_SPRINTER("quick-turn-sprinter", "The Quick-Turn Sprinter",
      "Fast patching loops, re-asks when a fix fails.",
      List.of(SessionType.SPIRAL, SessionType.ONE_SHOT)),
  SHOWRUNNER("showrunner", "The Showrunner",
      "Sets up context and delegation, then manages.",
      List.of(SessionType.SCAFFOLD, SessionType.BLUEPRINT)),
  RUNTIME_MECHANIC("runtime-mechanic", "The Runtime Mechanic",
      "Runs the code, reports real output, points at specifics, asks why.",
      List.of(SessionType.WORKSHOP, SessionType.CONSULT)),
  PROMPT_MINIMALIST("prompt-minimalist", "The Prompt Minimalist",
      "Short asks, accepts results, delegates workflow steps.", List.of(SessionType.ONE_SHOT)),
  MULTI_MODE_JOURNEYMAN("multi-mode-journeyman", "The Multi-Mode Journeyman",
      "No dominant pattern: switches mode with the task.", List.of());

  private final String slug;
  private final String displayName;
  private final String tagline;
  private final List<SessionType> leansOn;

  Persona(String slug, String displayName, String tagline, List<SessionType> leansOn) {
    this.slug = slug;
    this.displayName = displayName;
    this.tagline = tagline;
    this.leansOn = leansOn;
  }

  public String slug() {
    return slug;
  }

  public String displayName() {
    return displayName;
  }

  public String tagline() {
    return tagline;
  }

  /** The session types this persona leans on; empty for the Journeyman. */
  public List<SessionType> leansOn() {
    return leansOn;
  }

  /** Every persona's slug, in declaration order (the rows and columns of a confusion matrix). */
  static List<String> slugs() {
    return Arrays.stream(values()).map(Persona::slug).toList();
  }

  /** The persona with this slug. */
  public static Persona fromSlug(String slug) {
    for (Persona p : values()) {
      if (p.slug.equals(slug)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown persona: " + slug);
  }
}
