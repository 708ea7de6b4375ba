package dev.personas.classify;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;
import java.util.Arrays;
import java.util.List;

/**
 * Per-person behaviour rates that, beside the mix of session types, tell personas apart. Each
 * is computed from the person's sessions' raw features.
 */
public enum BehaviourRate {
  CORRECTIONS_PER_PROMPT("corrections_per_prompt", "Course corrections per typed prompt."),
  TEST_RUNS_PER_SESSION("test_runs_per_session", "Test-suite runs per session."),
  DELEGATION("delegation", "Share of sessions that started at least one subagent."),
  SPEC_FIRST("spec_first",
      "Share of sessions opening with a structured spec (3+ spec markers) or a handed-over plan."),
  PASTED_OUTPUT_PER_PROMPT("pasted_output_per_prompt", "Prompts with pasted output per prompt."),
  POINTERS_PER_PROMPT("pointers_per_prompt", "Prompts naming files, lines or identifiers per prompt."),
  QUESTION_SHARE("question_share", "Mean share of prompts that ask a question."),
  PROMPT_CHARS("prompt_chars", "Median over sessions of the median typed prompt length."),
  PROMPTS_PER_SESSION("prompts_per_session", "Median typed prompts per session.");

  private final String key;
  private final String definition;

  BehaviourRate(String key, String definition) {
    this.key = key;
    this.definition = definition;
  }

  public String key() {
    return key;
  }

  public String definition() {
    return definition;
  }

  /** Every rate for one person's sessions, in declaration order. */
  static double[] of(List<ClassifiedSession> sessions) {
    return ofFeatures(sessions.stream().map(ClassifiedSession::features).toList());
  }

  /**
   * Every rate for one person's sessions (at least one), from their features alone, in
   * declaration order: what the persona classifier reads.
   */
  public static double[] ofFeatures(List<FeatureVector> sessions) {
    int n = sessions.size();
    double prompts = 0;
    double corrections = 0;
    double tests = 0;
    double delegated = 0;
    double specFirst = 0;
    double pasted = 0;
    double pointers = 0;
    double questions = 0;
    double[] chars = new double[n];
    double[] promptCounts = new double[n];
    for (int i = 0; i < n; i++) {
      FeatureVector f = sessions.get(i);
      prompts += f.get(Feature.PROMPTS);
      corrections += f.get(Feature.CORRECTIONS);
      tests += f.get(Feature.TEST_RUNS);
      delegated += f.get(Feature.SUBAGENT_CALLS) > 0 ? 1 : 0;
      specFirst += f.get(Feature.SPEC_MARKERS) >= 3 || f.get(Feature.PLAN_HANDOFF) > 0 ? 1 : 0;
      pasted += f.get(Feature.PASTED_OUTPUT);
      pointers += f.get(Feature.SPECIFIC_POINTERS);
      questions += f.get(Feature.QUESTION_SHARE);
      chars[i] = f.get(Feature.MEDIAN_PROMPT_CHARS);
      promptCounts[i] = f.get(Feature.PROMPTS);
    }
    double perPrompt = Math.max(1, prompts);
    double[] r = new double[values().length];
    r[CORRECTIONS_PER_PROMPT.ordinal()] = corrections / perPrompt;
    r[TEST_RUNS_PER_SESSION.ordinal()] = tests / n;
    r[DELEGATION.ordinal()] = delegated / n;
    r[SPEC_FIRST.ordinal()] = specFirst / n;
    r[PASTED_OUTPUT_PER_PROMPT.ordinal()] = pasted / perPrompt;
    r[POINTERS_PER_PROMPT.ordinal()] = pointers / perPrompt;
    r[QUESTION_SHARE.ordinal()] = questions / n;
    r[PROMPT_CHARS.ordinal()] = median(chars);
    r[PROMPTS_PER_SESSION.ordinal()] = median(promptCounts);
    return r;
  }

  /** Median of a non-empty array (mean of the middle two for even lengths). */
  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
