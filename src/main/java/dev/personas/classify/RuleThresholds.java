package dev.personas.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
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

  /** The thresholds of RESEARCH.md §4, as set on the real corpus's calibration half. */
  public static final RuleThresholds AUTHORED = authored();

  public RuleThresholds {
    Objects.requireNonNull(values, "values");
    // Sorted by name, looked up by hash: every rule score reads some 90 of them.
    values = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(values)));
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
    // One-shot: one or two asks (none from 4 on) in a short active time, no corrections, no loop;
    // or a chain of a few short errands.
    m.put("one_shot.asks_full", 2.0);
    m.put("one_shot.asks_zero", 4.0);
    m.put("one_shot.minutes_full", 15.0);
    m.put("one_shot.minutes_zero", 45.0);
    m.put("one_shot.corrections_zero", 2.0);
    m.put("one_shot.loop_zero", 2.0);
    m.put("one_shot.errand_weight", 0.8);
    m.put("one_shot.errand_asks_full", 4.0);
    m.put("one_shot.errand_asks_zero", 7.0);
    m.put("one_shot.errand_chars_full", 150.0);
    m.put("one_shot.errand_chars_zero", 300.0);
    m.put("one_shot.errand_minutes_full", 20.0);
    m.put("one_shot.errand_minutes_zero", 40.0);
    m.put("one_shot.errand_corrections_full", 1.0);
    m.put("one_shot.errand_corrections_zero", 2.0);
    m.put("one_shot.errand_loop_zero", 1.0);
    m.put("one_shot.first_chars_full", 800.0);
    m.put("one_shot.first_chars_zero", 2000.0);
    // Two or more commands and nothing else typed: a workflow, not a brief request.
    m.put("one_shot.command_workflow_weight", 1.0);
    // Nor is a quick session in which the agent wrote several specs, plans or notes and little else.
    m.put("one_shot.prose_files_weight", 0.25);
    // Consult: the agent edits nothing (none from 2 edits on) and reads, searches or answers.
    m.put("consult.edits_zero", 2.0);
    // ... or from this share of the agent's tool calls when that is more: a few notes written
    // among dozens of reads (a review's findings appended to the story) leave it a reading.
    m.put("consult.edits_per_call_zero", 0.15);
    m.put("consult.read_share_low", 0.5);
    m.put("consult.read_share_high", 0.8);
    m.put("consult.calls_low", 2.0);
    m.put("consult.calls_high", 8.0);
    m.put("consult.question_share_low", 0.2);
    m.put("consult.question_share_high", 0.5);
    m.put("consult.web_high", 2.0);
    // Reads count for Consult as far as the person asked, and at least this much when they did not.
    m.put("consult.unasked_reads_weight", 0.3);
    // Edits to prose alone (notes, docs) count as no edits, at this weight.
    m.put("consult.prose_edits_weight", 0.8);
    // Blueprint: a long or structured first prompt, a plan handed over, or a short ask that sets
    // off a long run of edits; then few prompts and few corrections.
    m.put("blueprint.first_chars_low", 500.0);
    m.put("blueprint.first_chars_high", 1500.0);
    // ... as far as it is structured (spec markers): pasted output or an article is not a spec.
    m.put("blueprint.first_chars_structure_low", 2.0);
    m.put("blueprint.first_chars_structure_high", 10.0);
    m.put("blueprint.spec_markers_low", 3.0);
    m.put("blueprint.spec_markers_high", 8.0);
    m.put("blueprint.run_edits_low", 8.0);
    m.put("blueprint.run_edits_high", 15.0);
    m.put("blueprint.run_minutes_low", 10.0);
    m.put("blueprint.run_minutes_high", 20.0);
    m.put("blueprint.run_weight", 0.8);
    // ... a bare short ask is a hand-over while the person asks little more: from the second ask
    // it fades, and from the sixth the run is theirs to steer, not the agent's to run.
    m.put("blueprint.run_asks_full", 2.0);
    m.put("blueprint.run_asks_zero", 6.0);
    m.put("blueprint.prompts_full", 5.0);
    m.put("blueprint.prompts_zero", 12.0);
    m.put("blueprint.corrections_full", 2.0);
    m.put("blueprint.corrections_zero", 5.0);
    m.put("blueprint.edits_high", 3.0);
    // Scaffold: the person sets the table: commands drive the session (spec-kit and the like),
    // plan mode, subagents, /init and convention files, or what the agent writes is specs, plans
    // and notes rather than code (unless the session is a long one); and it takes a few minutes.
    m.put("scaffold.command_share_low", 0.15);
    m.put("scaffold.command_share_high", 0.4);
    // One subagent the agent starts to look around (an Explore) is part of its reading; from the
    // second on, work is being delegated.
    m.put("scaffold.subagents_low", 1.0);
    m.put("scaffold.subagents_high", 2.0);
    // Plan mode and subagents set the table as far as they are frequent: in full from one per
    // two asks; a few in a long steered session are the agent's way of working, not a setup.
    m.put("scaffold.per_ask_high", 0.5);
    m.put("scaffold.setup_high", 2.0);
    m.put("scaffold.prose_share_low", 0.7);
    m.put("scaffold.prose_share_high", 0.95);
    m.put("scaffold.prose_prompts_full", 12.0);
    m.put("scaffold.prose_prompts_zero", 20.0);
    m.put("scaffold.minutes_low", 2.0);
    m.put("scaffold.minutes_high", 6.0);
    // ... or several spec, plan or convention files written, however quickly.
    m.put("scaffold.prose_files_low", 1.0);
    m.put("scaffold.prose_files_high", 3.0);
    // Workshop: corrections right after the agent's edits, sharper with pointers, pasted output
    // and test runs; not a day-long build, not a command-driven workflow.
    m.put("workshop.corrections_high", 2.0);
    m.put("workshop.checks_high", 2.0);
    m.put("workshop.prompts_full", 25.0);
    m.put("workshop.prompts_zero", 40.0);
    m.put("workshop.command_share_full", 0.2);
    m.put("workshop.command_share_zero", 0.5);
    // Marathon: >= 20 prompts (full from 30) and >= 45 active minutes (full from 75); edits add.
    m.put("marathon.prompts_low", 20.0);
    m.put("marathon.prompts_high", 30.0);
    m.put("marathon.minutes_low", 45.0);
    m.put("marathon.minutes_high", 75.0);
    m.put("marathon.edits_low", 3.0);
    m.put("marathon.edits_high", 10.0);
    m.put("marathon.edits_floor", 0.6);
    // A long session of questions with no code changed scores this much less as a Marathon.
    m.put("marathon.consult_damping", 0.5);
    // Spiral: re-pasted errors, vague fix requests and near-repeats, dense for the session's
    // length; or an error pasted back in a short session where nothing got changed and the agent
    // did nothing or ended on an error; or the same API error back again and again, nothing done.
    m.put("spiral.loop_high", 3.0);
    m.put("spiral.loop_rate_low", 0.05);
    m.put("spiral.loop_rate_high", 0.2);
    m.put("spiral.pointer_rate_full", 0.5);
    m.put("spiral.pointer_rate_zero", 1.0);
    m.put("spiral.repeat_weight", 0.25);
    m.put("spiral.repeat_min_chars", 20.0);
    m.put("spiral.stuck_prompts_full", 2.0);
    m.put("spiral.stuck_prompts_zero", 4.0);
    m.put("spiral.api_errors_low", 2.0);
    m.put("spiral.api_errors_high", 3.0);
    return new RuleThresholds(m);
  }
}
