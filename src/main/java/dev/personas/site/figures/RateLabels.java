package dev.personas.site.figures;

import java.util.Map;

/**
 * How the personal page labels each behaviour rate: its unit, and the session feature under
 * which a persona's authored page describes the trait. One place, read by the personal page of
 * the CLI (through PersonalFiguresMaker) and by the in-browser finder (through the page data
 * the build writes), so the two label a rate alike.
 */
public final class RateLabels {
  private static final Map<String, String> UNITS = Map.of(
      "corrections_per_prompt", "per prompt", "test_runs_per_session", "per session", "delegation", "share of sessions",
      "spec_first", "share of sessions", "pasted_output_per_prompt", "per prompt", "pointers_per_prompt", "per prompt",
      "question_share", "share", "prompt_chars", "characters", "prompts_per_session", "prompts");
  // The session feature each rate is made of: the persona pages describe their traits by feature.
  private static final Map<String, String> TRAITS = Map.of(
      "corrections_per_prompt", "corrections", "test_runs_per_session", "test_runs",
      "delegation", "subagent_calls", "spec_first", "spec_markers",
      "pasted_output_per_prompt", "pasted_output", "pointers_per_prompt", "specific_pointers",
      "question_share", "question_share", "prompt_chars", "median_prompt_chars",
      "prompts_per_session", "prompts");

  private RateLabels() {}

  /** The unit a rate is shown in ("per prompt"), or "" for an unknown rate. */
  public static String unit(String rateKey) {
    return UNITS.getOrDefault(rateKey, "");
  }

  /** The feature key of the trait a rate stands for ("corrections"), or "" for an unknown rate. */
  public static String traitKey(String rateKey) {
    return TRAITS.getOrDefault(rateKey, "");
  }
}
