package dev.personas.classify;

import static dev.personas.features.Feature.ACTIVE_MINUTES;
import static dev.personas.features.Feature.CORRECTIONS;
import static dev.personas.features.Feature.EDIT_ITERATIONS;
import static dev.personas.features.Feature.ENDED_AFTER_ERROR;
import static dev.personas.features.Feature.ERROR_REPASTES;
import static dev.personas.features.Feature.FAILED_TEST_RUNS;
import static dev.personas.features.Feature.FIRST_PROMPT_CHARS;
import static dev.personas.features.Feature.MEDIAN_PROMPT_CHARS;
import static dev.personas.features.Feature.PASTED_OUTPUT;
import static dev.personas.features.Feature.PLAN_HANDOFF;
import static dev.personas.features.Feature.PLAN_MODE;
import static dev.personas.features.Feature.PROMPTS;
import static dev.personas.features.Feature.QUESTION_SHARE;
import static dev.personas.features.Feature.READS_BEFORE_FIRST_WRITE;
import static dev.personas.features.Feature.READ_SHARE;
import static dev.personas.features.Feature.REPEATED_PROMPTS;
import static dev.personas.features.Feature.SETUP_ACTIONS;
import static dev.personas.features.Feature.SPECIFIC_POINTERS;
import static dev.personas.features.Feature.SPEC_MARKERS;
import static dev.personas.features.Feature.SUBAGENT_CALLS;
import static dev.personas.features.Feature.TEST_RUNS;
import static dev.personas.features.Feature.TOOL_ERRORS;
import static dev.personas.features.Feature.TODO_LISTS;
import static dev.personas.features.Feature.VAGUE_FIX_REQUESTS;

import dev.personas.features.FeatureVector;

/**
 * The authored evidence rules of RESEARCH.md §4: for one session, a soft score in [0, 1] per
 * session type, in raw feature units. They anchor what each type means; the classifier learns
 * the region around the sessions where they are decisive.
 */
public final class TypeRules {
  private final RuleThresholds t;

  public TypeRules(RuleThresholds thresholds) {
    this.t = thresholds;
  }

  /** One score per {@link SessionType}, in declaration order. */
  public double[] scores(FeatureVector f) {
    double[] s = new double[SessionType.values().length];
    s[SessionType.ONE_SHOT.ordinal()] = oneShot(f);
    s[SessionType.CONSULT.ordinal()] = consult(f);
    s[SessionType.BLUEPRINT.ordinal()] = blueprint(f);
    s[SessionType.SCAFFOLD.ordinal()] = scaffold(f);
    s[SessionType.WORKSHOP.ordinal()] = workshop(f);
    s[SessionType.MARATHON.ordinal()] = marathon(f);
    s[SessionType.SPIRAL.ordinal()] = spiral(f);
    return s;
  }

  /**
   * The type whose rule is decisive for this session (best score at least
   * {@code weak_label.min_score}, ahead of the runner-up by {@code weak_label.min_margin}), or
   * -1 when the rules do not settle it. Package-private: the weak labels of fitting and the
   * rule agreement of validation.
   */
  int decisiveType(FeatureVector f) {
    double[] s = scores(f);
    int best = 0;
    for (int i = 1; i < s.length; i++) {
      if (s[i] > s[best]) {
        best = i;
      }
    }
    double second = 0;
    for (int i = 0; i < s.length; i++) {
      if (i != best) {
        second = Math.max(second, s[i]);
      }
    }
    boolean decisive = s[best] >= t.get("weak_label.min_score")
        && s[best] - second >= t.get("weak_label.min_margin");
    return decisive ? best : -1;
  }

  private double oneShot(FeatureVector f) {
    double corrections = f.get(CORRECTIONS) == 0 ? 1 : 0.5;
    double quick = down(f.get(PROMPTS), "one_shot.prompts_full", "one_shot.prompts_zero")
        * down(f.get(ACTIVE_MINUTES), "one_shot.minutes_full", "one_shot.minutes_zero")
        * corrections;
    // Short follow-ups after edits read as corrections; without tests run or output pasted
    // back they are as likely the next small errand, not a review cycle.
    boolean unchecked = f.get(TEST_RUNS) == 0 && f.get(PASTED_OUTPUT) == 0;
    boolean errandsClean = (f.get(CORRECTIONS) == 0 || unchecked) && loopSignals(f) == 0
        && f.get(EDIT_ITERATIONS) > 0;
    double errands = errandsClean
        ? t.get("one_shot.errand_weight")
            * down(f.get(PROMPTS), "one_shot.errand_prompts_full", "one_shot.errand_prompts_zero")
            * down(f.get(MEDIAN_PROMPT_CHARS), "one_shot.errand_chars_full",
                "one_shot.errand_chars_zero")
            * down(f.get(ACTIVE_MINUTES), "one_shot.minutes_full", "one_shot.minutes_zero")
        : 0;
    // A brief request: a long, structured or plan-carrying opening is a Blueprint's, however few
    // prompts follow it.
    double brief = down(f.get(FIRST_PROMPT_CHARS), "one_shot.first_chars_full", "one_shot.first_chars_zero")
        * down(f.get(SPEC_MARKERS), "one_shot.spec_markers_full", "one_shot.spec_markers_zero")
        * (1 - f.get(PLAN_HANDOFF));
    return Math.max(quick, errands) * brief;
  }

  private double consult(FeatureVector f) {
    double noEdits = 1 - ramp(f.get(EDIT_ITERATIONS), 0, t.get("consult.edits_zero"));
    double reads = up(f.get(READ_SHARE), "consult.read_share_low", "consult.read_share_high");
    double asks =
        up(f.get(QUESTION_SHARE), "consult.question_share_low", "consult.question_share_high");
    return noEdits * (0.5 * reads + 0.5 * asks);
  }

  private double blueprint(FeatureVector f) {
    double longFirst =
        up(f.get(FIRST_PROMPT_CHARS), "blueprint.first_chars_low", "blueprint.first_chars_high");
    double structured =
        up(f.get(SPEC_MARKERS), "blueprint.spec_markers_low", "blueprint.spec_markers_high");
    // A long prompt without structure is half the evidence; a handed-over plan is all of it.
    double upFront = Math.max(Math.min(longFirst, Math.max(structured, 0.5)), f.get(PLAN_HANDOFF));
    double fewLater = down(f.get(PROMPTS), "blueprint.prompts_full", "blueprint.prompts_zero");
    double fewCorrections =
        down(f.get(CORRECTIONS), "blueprint.corrections_full", "blueprint.corrections_zero");
    double letsItRun = f.get(EDIT_ITERATIONS) > 0 ? 1 : 0.5;
    return upFront * fewLater * fewCorrections * letsItRun;
  }

  private double scaffold(FeatureVector f) {
    int signals = (f.get(PLAN_MODE) > 0 ? 1 : 0)
        + (f.get(SUBAGENT_CALLS) > 0 ? 1 : 0)
        + (f.get(TODO_LISTS) > 0 ? 1 : 0)
        + (f.get(SETUP_ACTIONS) > 0 ? 1 : 0)
        + (f.get(READS_BEFORE_FIRST_WRITE) >= t.get("scaffold.reads_before_write") ? 1 : 0);
    return up(signals, "scaffold.signals_low", "scaffold.signals_high");
  }

  private double workshop(FeatureVector f) {
    double corrections =
        up(f.get(CORRECTIONS), "workshop.corrections_low", "workshop.corrections_high");
    double high = t.get("workshop.checks_high");
    double checks = (ramp(f.get(SPECIFIC_POINTERS), 0, high)
        + ramp(f.get(PASTED_OUTPUT), 0, high)
        + ramp(f.get(TEST_RUNS), 0, high)) / 3;
    // Tight cycles, not a day-long build: very long sessions are Marathon's ground.
    double notMarathon = down(f.get(PROMPTS), "workshop.prompts_full", "workshop.prompts_zero");
    return corrections * (0.4 + 0.6 * checks) * notMarathon;
  }

  private double marathon(FeatureVector f) {
    return Math.min(
        up(f.get(PROMPTS), "marathon.prompts_low", "marathon.prompts_high"),
        Math.min(
            up(f.get(ACTIVE_MINUTES), "marathon.minutes_low", "marathon.minutes_high"),
            up(f.get(EDIT_ITERATIONS), "marathon.edits_low", "marathon.edits_high")));
  }

  private double spiral(FeatureVector f) {
    double loop = loopSignals(f);
    if (loop == 0) {
      return 0;
    }
    // A loop is judged against the session's length: a few repeats over a long Marathon are
    // "continue" and "next", not a session going round in circles.
    double perPrompt = loop / Math.max(1, f.get(PROMPTS));
    double looping = Math.min(ramp(loop, 0, t.get("spiral.loop_high")),
        up(perPrompt, "spiral.loop_rate_low", "spiral.loop_rate_high"));
    // Spiral re-asks are vague; prompts that keep naming files and lines are Workshop steering.
    double pointersPerPrompt = f.get(SPECIFIC_POINTERS) / Math.max(1, f.get(PROMPTS));
    double vague = 0.5 + 0.5 * down(pointersPerPrompt, "spiral.pointer_rate_full",
        "spiral.pointer_rate_zero");
    double endWeight = t.get("spiral.ended_after_error_weight");
    return Math.min(1, ((1 - endWeight) * looping + endWeight * f.get(ENDED_AFTER_ERROR)) * vague);
  }

  /** Signs of a loop that does not converge; one failing test run is normal work, not a loop. */
  private static double loopSignals(FeatureVector f) {
    return f.get(ERROR_REPASTES) + 0.5 * f.get(REPEATED_PROMPTS) + f.get(VAGUE_FIX_REQUESTS)
        + Math.max(0, f.get(FAILED_TEST_RUNS) - 1) + 0.5 * Math.max(0, f.get(TOOL_ERRORS) - 1);
  }

  private double up(double x, String low, String high) {
    return ramp(x, t.get(low), t.get(high));
  }

  private double down(double x, String full, String zero) {
    return 1 - ramp(x, t.get(full), t.get(zero));
  }

  /** 0 at or below {@code low}, 1 at or above {@code high}, linear between. */
  private static double ramp(double x, double low, double high) {
    if (x <= low) {
      return 0;
    }
    if (x >= high) {
      return 1;
    }
    return (x - low) / (high - low);
  }
}
