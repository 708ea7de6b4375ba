package dev.personas.classify;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The named numbers of the authored evidence rules ({@link TypeRules}), in raw feature units
 * (prompts, minutes, characters, shares). They are written to the model so the method page and
 * the in-browser finder show and use the same numbers.
 *
 * @param values threshold name → value, sorted by name
 */
public record RuleThresholds(Map<String, Double> values) {

  /** The thresholds of RESEARCH.md §4, as authored. */
  public static final RuleThresholds AUTHORED = authored();

  public RuleThresholds {
    Objects.requireNonNull(values, "values");
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The threshold called {@code name}; a missing one is a bug in the rules or the model file. */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("rule threshold missing: " + name);
    }
    return v;
  }

  private static RuleThresholds authored() {
    Map<String, Double> m = new TreeMap<>();
    // One-shot: at most 2 prompts (none from 4 on), at most 10 active minutes (none from 30 on).
    m.put("one_shot.prompts_full", 2.0);
    m.put("one_shot.prompts_zero", 4.0);
    m.put("one_shot.minutes_full", 10.0);
    m.put("one_shot.minutes_zero", 30.0);
    // ... or a chain of short errands: a few short prompts, no corrections, no loop.
    m.put("one_shot.errand_prompts_full", 5.0);
    m.put("one_shot.errand_prompts_zero", 8.0);
    m.put("one_shot.errand_chars_full", 150.0);
    m.put("one_shot.errand_chars_zero", 300.0);
    m.put("one_shot.errand_weight", 0.7);
    // ... and the opening is brief: no long, structured first prompt.
    m.put("one_shot.first_chars_full", 400.0);
    m.put("one_shot.first_chars_zero", 1000.0);
    m.put("one_shot.spec_markers_full", 2.0);
    m.put("one_shot.spec_markers_zero", 6.0);
    // Consult: no edits (none from 3 on); reads dominate; prompts ask questions.
    m.put("consult.edits_zero", 3.0);
    m.put("consult.read_share_low", 0.4);
    m.put("consult.read_share_high", 0.7);
    m.put("consult.question_share_low", 0.2);
    m.put("consult.question_share_high", 0.5);
    // Blueprint: long first prompt with structure or a plan handed over, few prompts after.
    m.put("blueprint.first_chars_low", 600.0);
    m.put("blueprint.first_chars_high", 1500.0);
    m.put("blueprint.spec_markers_low", 2.0);
    m.put("blueprint.spec_markers_high", 5.0);
    m.put("blueprint.prompts_full", 4.0);
    m.put("blueprint.prompts_zero", 8.0);
    m.put("blueprint.corrections_full", 1.0);
    m.put("blueprint.corrections_zero", 3.0);
    // Scaffold: count of setup signals (plan mode, subagents, todo lists, setup actions,
    // many reads before the first write).
    m.put("scaffold.reads_before_write", 10.0);
    m.put("scaffold.signals_low", 1.0);
    m.put("scaffold.signals_high", 3.0);
    // Workshop: short corrections after edits, checked with pointers, pasted output, tests.
    m.put("workshop.corrections_low", 1.0);
    m.put("workshop.corrections_high", 3.0);
    m.put("workshop.checks_high", 2.0);
    m.put("workshop.prompts_full", 20.0);
    m.put("workshop.prompts_zero", 35.0);
    // Marathon: >= 20 prompts and >= 60 active minutes, many edits.
    m.put("marathon.prompts_low", 12.0);
    m.put("marathon.prompts_high", 20.0);
    m.put("marathon.minutes_low", 40.0);
    m.put("marathon.minutes_high", 60.0);
    m.put("marathon.edits_low", 5.0);
    m.put("marathon.edits_high", 15.0);
    // Spiral: loop signals (re-pasted errors, repeated prompts, vague fix requests, failing
    // test re-runs) and ending on an error.
    m.put("spiral.loop_high", 4.0);
    m.put("spiral.loop_rate_low", 0.15);
    m.put("spiral.loop_rate_high", 0.6);
    m.put("spiral.pointer_rate_full", 0.6);
    m.put("spiral.pointer_rate_zero", 1.2);
    m.put("spiral.ended_after_error_weight", 0.2);
    // A rule label counts only where it is decisive.
    m.put("weak_label.min_score", 0.6);
    m.put("weak_label.min_margin", 0.25);
    return new RuleThresholds(m);
  }
}
