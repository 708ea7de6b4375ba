package dev.personas.classify;

import static dev.personas.features.Feature.ACTIVE_MINUTES;
import static dev.personas.features.Feature.API_ERRORS;
import static dev.personas.features.Feature.CORRECTIONS;
import static dev.personas.features.Feature.DOC_EDITS;
import static dev.personas.features.Feature.EDIT_ITERATIONS;
import static dev.personas.features.Feature.ENDED_AFTER_ERROR;
import static dev.personas.features.Feature.ERROR_REPASTES;
import static dev.personas.features.Feature.FIRST_PROMPT_CHARS;
import static dev.personas.features.Feature.MEDIAN_PROMPT_CHARS;
import static dev.personas.features.Feature.PASTED_OUTPUT;
import static dev.personas.features.Feature.PLAN_HANDOFF;
import static dev.personas.features.Feature.PLAN_MODE;
import static dev.personas.features.Feature.PROMPTS;
import static dev.personas.features.Feature.QUESTION_SHARE;
import static dev.personas.features.Feature.READ_SHARE;
import static dev.personas.features.Feature.REPEATED_PROMPTS;
import static dev.personas.features.Feature.SETUP_ACTIONS;
import static dev.personas.features.Feature.SLASH_COMMANDS;
import static dev.personas.features.Feature.SPECIFIC_POINTERS;
import static dev.personas.features.Feature.SPEC_MARKERS;
import static dev.personas.features.Feature.SUBAGENT_CALLS;
import static dev.personas.features.Feature.TEST_RUNS;
import static dev.personas.features.Feature.TOOL_CALLS_PER_PROMPT;
import static dev.personas.features.Feature.VAGUE_FIX_REQUESTS;
import static dev.personas.features.Feature.WEB_LOOKUPS;

import dev.personas.features.Feature;
import dev.personas.features.FeatureVector;

/**
 * The evidence rules of RESEARCH.md §4: for one session, a soft score in [0, 1] per session type,
 * in raw feature units. The session's type is the best-scoring one. The rules were written from
 * the vocabulary and their numbers set on the calibration half of the real labelled corpus
 * ({@link RealCorpus}); the browser finder computes the same scores (classify.js).
 *
 * <p>What the person asked for is counted as <em>asks</em>: typed prompts plus commands run
 * (a spec-kit or custom command is an ask whose long expansion is not the person's text).
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

  private double oneShot(FeatureVector f) {
    double asks = asks(f);
    double minutes = f.get(ACTIVE_MINUTES);
    double quick = down(asks, "one_shot.asks_full", "one_shot.asks_zero")
        * down(minutes, "one_shot.minutes_full", "one_shot.minutes_zero")
        * (1 - ramp(f.get(CORRECTIONS), 0, t.get("one_shot.corrections_zero")))
        * (1 - ramp(loop(f), 0, t.get("one_shot.loop_zero")));
    // A chain of small errands, each done at once, is still One-shot work.
    double errands = t.get("one_shot.errand_weight")
        * down(asks, "one_shot.errand_asks_full", "one_shot.errand_asks_zero")
        * down(f.get(MEDIAN_PROMPT_CHARS), "one_shot.errand_chars_full", "one_shot.errand_chars_zero")
        * down(minutes, "one_shot.errand_minutes_full", "one_shot.errand_minutes_zero")
        * down(f.get(CORRECTIONS), "one_shot.errand_corrections_full", "one_shot.errand_corrections_zero")
        * (1 - ramp(loop(f), 0, t.get("one_shot.errand_loop_zero")));
    // Not brief when the opening is a long spec, when nothing was changed and the agent only read
    // and reported or the person asked for an answer (Consult's ground), or when a short ask set
    // off a long run of edits (Blueprint's).
    double brief = down(f.get(FIRST_PROMPT_CHARS), "one_shot.first_chars_full", "one_shot.first_chars_zero");
    double answered = Math.max(reads(f), asksQuestions(f));
    // Nor is a workflow run by commands (spec-kit's /plan then /checklist, nothing typed): from the
    // second command on, One-shot fades with the share of the asks that were commands. Nor is a
    // session that went through plan mode: the person had a plan made first, setting the table.
    double workflow = commandShare(f) * ramp(f.get(SLASH_COMMANDS), 1, 2);
    // Nor, as much, is one that had the agent write several specs, plans or notes and little else.
    return Math.max(quick, errands) * brief * (1 - 0.5 * noEdits(f) * answered) * (1 - runsLong(f))
        * (1 - t.get("one_shot.command_workflow_weight") * workflow) * (1 - ramp(f.get(PLAN_MODE), 0, 1))
        * (1 - t.get("one_shot.prose_files_weight") * writesSpecs(f));
  }

  private double consult(FeatureVector f) {
    double asked = asksQuestions(f);
    // Reading is the agent's part; the person asking is what makes a consultation. An errand the
    // agent ran by reading and running commands ("install chrome-mcp") is not one.
    double readsAsked = reads(f) * Math.max(asked, t.get("consult.unasked_reads_weight"));
    double asksAbout = Math.max(readsAsked,
        Math.max(asked, ramp(f.get(WEB_LOOKUPS), 0, t.get("consult.web_high"))));
    return noCode(f) * asksAbout;
  }

  private double blueprint(FeatureVector f) {
    // A long opening is a spec as far as it is structured: a pasted config, log or article is long
    // and has no lists, musts or headings.
    double longSpec = up(f.get(FIRST_PROMPT_CHARS), "blueprint.first_chars_low", "blueprint.first_chars_high")
        * up(f.get(SPEC_MARKERS), "blueprint.first_chars_structure_low", "blueprint.first_chars_structure_high");
    double upFront = Math.max(
        Math.max(longSpec,
            up(f.get(SPEC_MARKERS), "blueprint.spec_markers_low", "blueprint.spec_markers_high")),
        Math.max(f.get(PLAN_HANDOFF), t.get("blueprint.run_weight") * runsLong(f)
            * down(asks(f), "blueprint.run_asks_full", "blueprint.run_asks_zero")));
    return upFront
        * down(f.get(PROMPTS), "blueprint.prompts_full", "blueprint.prompts_zero")
        * down(f.get(CORRECTIONS), "blueprint.corrections_full", "blueprint.corrections_zero")
        * ramp(f.get(EDIT_ITERATIONS), 0, t.get("blueprint.edits_high"));
  }

  private double scaffold(FeatureVector f) {
    // Setup moves: a workflow of commands, plan mode, subagents, convention files, or several
    // specs, plans or notes written (one note is not the table set). Plan mode, subagents and
    // convention files set the table as far as they are frequent beside what was asked: a
    // CLAUDE.md touched once in a long session of building is a detail, not the session's shape.
    double setup = Math.max(
        Math.max(up(commandShare(f), "scaffold.command_share_low", "scaffold.command_share_high"),
            ramp(f.get(PLAN_MODE), 0, 1) * perAsk(f, PLAN_MODE)),
        Math.max(Math.max(up(f.get(SUBAGENT_CALLS), "scaffold.subagents_low", "scaffold.subagents_high")
                * perAsk(f, SUBAGENT_CALLS),
            ramp(f.get(SETUP_ACTIONS), 0, t.get("scaffold.setup_high")) * perAsk(f, SETUP_ACTIONS)),
            writesSpecs(f)));
    // Setting the table takes some doing: a lone command that ends at once is a quick errand,
    // unless it had the agent write several specs, plans or convention files (spec-kit's
    // /specify, /init): that much table is set however fast it went.
    double substance = Math.max(up(f.get(ACTIVE_MINUTES), "scaffold.minutes_low", "scaffold.minutes_high"),
        proseFilesWritten(f));
    return asks(f) >= 1 ? setup * substance : 0;
  }

  private double workshop(FeatureVector f) {
    double high = t.get("workshop.checks_high");
    double checks = (ramp(f.get(SPECIFIC_POINTERS), 0, high) + ramp(f.get(PASTED_OUTPUT), 0, high)
        + ramp(f.get(TEST_RUNS), 0, high)) / 3;
    return ramp(f.get(CORRECTIONS), 0, t.get("workshop.corrections_high"))
        * (0.5 + 0.5 * checks)
        * down(f.get(PROMPTS), "workshop.prompts_full", "workshop.prompts_zero")
        * down(commandShare(f), "workshop.command_share_full", "workshop.command_share_zero");
  }

  private double marathon(FeatureVector f) {
    double sustained = Math.min(up(f.get(PROMPTS), "marathon.prompts_low", "marathon.prompts_high"),
        up(f.get(ACTIVE_MINUTES), "marathon.minutes_low", "marathon.minutes_high"));
    double floor = t.get("marathon.edits_floor");
    // Long is not enough: hours of questions over code nobody changes are a long consultation.
    double consulting = t.get("marathon.consult_damping") * noCode(f) * asksQuestions(f);
    return sustained
        * (floor + (1 - floor) * up(f.get(EDIT_ITERATIONS), "marathon.edits_low", "marathon.edits_high"))
        * (1 - consulting);
  }

  private double spiral(FeatureVector f) {
    double prompts = Math.max(1, f.get(PROMPTS));
    double loop = loop(f);
    // Re-asks are vague; prompts that keep naming files and lines are Workshop steering. A pasted
    // error names files and lines by itself (a stack trace's paths), so each prompt carrying
    // pasted output takes one pointer off: what is left is the person pointing.
    double pointing = Math.max(0, f.get(SPECIFIC_POINTERS) - f.get(PASTED_OUTPUT));
    double looping = ramp(loop, 0, t.get("spiral.loop_high"))
        * up(loop / prompts, "spiral.loop_rate_low", "spiral.loop_rate_high")
        * down(pointing / prompts, "spiral.pointer_rate_full", "spiral.pointer_rate_zero");
    // An error pasted back in a short session where nothing got changed, and the agent did
    // nothing or ended on an error: stuck, not done (an error it cleared at once is One-shot).
    boolean gotNowhere = toolCalls(f) == 0 || f.get(ENDED_AFTER_ERROR) > 0;
    double stuck = gotNowhere
        ? ramp(f.get(PASTED_OUTPUT), 0, 1)
            * down(f.get(PROMPTS), "spiral.stuck_prompts_full", "spiral.stuck_prompts_zero") * noEdits(f)
        : 0;
    // The same API error back again and again, and nothing done: blocked, not done.
    double blocked = up(f.get(API_ERRORS), "spiral.api_errors_low", "spiral.api_errors_high") * noEdits(f);
    return Math.min(1, Math.max(looping, Math.max(stuck, blocked)));
  }

  /** How frequent a setup move was: its count per ask, in full from {@code scaffold.per_ask_high}. */
  private double perAsk(FeatureVector f, Feature move) {
    return ramp(f.get(move) / Math.max(1, asks(f)), 0, t.get("scaffold.per_ask_high"));
  }

  /** Typed prompts plus commands run: everything the person asked for. */
  private static double asks(FeatureVector f) {
    return f.get(PROMPTS) + f.get(SLASH_COMMANDS);
  }

  /** Share of the asks that were commands (spec-kit and custom command expansions among them). */
  private static double commandShare(FeatureVector f) {
    return f.get(SLASH_COMMANDS) / Math.max(1, asks(f));
  }

  /**
   * 1 when the agent edited nothing, falling to 0 at {@code consult.edits_zero} edits or, in a
   * session of many tool calls, at {@code consult.edits_per_call_zero} of them, or at one edit per
   * question the person typed: "few edits" is few beside what the agent did and what was asked
   * (twenty questions and two small edits are still a consultation).
   */
  private double noEdits(FeatureVector f) {
    return 1 - ramp(f.get(EDIT_ITERATIONS), 0, editsZero(f));
  }

  private double editsZero(FeatureVector f) {
    return Math.max(Math.max(t.get("consult.edits_zero"), t.get("consult.edits_per_call_zero") * toolCalls(f)),
        questionsTyped(f));
  }

  /** Typed prompts that asked for an answer. */
  private static double questionsTyped(FeatureVector f) {
    return f.get(PROMPTS) * f.get(QUESTION_SHARE);
  }

  /**
   * No code changed: no edits, or, weighed a little less, edits only to prose (notes, docs, an
   * answer written down), which leave the code as it was.
   */
  private double noCode(FeatureVector f) {
    double proseOnly = 1 - ramp(f.get(EDIT_ITERATIONS) - f.get(DOC_EDITS), 0, editsZero(f));
    return Math.max(noEdits(f), t.get("consult.prose_edits_weight") * proseOnly);
  }

  /** How much the agent's work was reading: a high read share over more than a couple of calls. */
  private double reads(FeatureVector f) {
    return up(f.get(READ_SHARE), "consult.read_share_low", "consult.read_share_high")
        * up(toolCalls(f), "consult.calls_low", "consult.calls_high");
  }

  /** How much the typed prompts asked for answers: questions, "tell me", "explain", "review". */
  private double asksQuestions(FeatureVector f) {
    return up(f.get(QUESTION_SHARE), "consult.question_share_low", "consult.question_share_high");
  }

  /** Tool calls of the main thread. */
  private static double toolCalls(FeatureVector f) {
    return f.get(TOOL_CALLS_PER_PROMPT) * Math.max(1, f.get(PROMPTS));
  }

  /**
   * How much the agent wrote specs, plans and notes rather than code: the share of its edits on
   * prose files, fading in a long session (many prompts of writing docs is sustained work).
   */
  private double writesProse(FeatureVector f) {
    double edits = f.get(EDIT_ITERATIONS);
    if (edits < 1) {
      return 0;
    }
    return up(f.get(DOC_EDITS) / edits, "scaffold.prose_share_low", "scaffold.prose_share_high")
        * down(f.get(PROMPTS), "scaffold.prose_prompts_full", "scaffold.prose_prompts_zero");
  }

  /** How far the agent wrote mostly prose, and several such files: a setup move, no errand. */
  private double writesSpecs(FeatureVector f) {
    return writesProse(f) * proseFilesWritten(f);
  }

  /** How far the agent wrote several spec, plan or note files: 0 at one, 1 from a few. */
  private double proseFilesWritten(FeatureVector f) {
    return up(f.get(DOC_EDITS), "scaffold.prose_files_low", "scaffold.prose_files_high");
  }

  /** A short ask that set off a long run of edits. */
  private double runsLong(FeatureVector f) {
    return up(f.get(EDIT_ITERATIONS), "blueprint.run_edits_low", "blueprint.run_edits_high")
        * up(f.get(ACTIVE_MINUTES), "blueprint.run_minutes_low", "blueprint.run_minutes_high");
  }

  /**
   * Signs of a loop that does not converge, from what the person typed: re-pasted errors, vague
   * fix requests, and near-repeated prompts (weighed low, and not at all when the prompts are
   * menu answers such as "A" or "yes", which repeat by nature).
   */
  private double loop(FeatureVector f) {
    double repeats = f.get(MEDIAN_PROMPT_CHARS) >= t.get("spiral.repeat_min_chars") ? f.get(REPEATED_PROMPTS) : 0;
    return f.get(ERROR_REPASTES) + f.get(VAGUE_FIX_REQUESTS) + t.get("spiral.repeat_weight") * repeats;
  }

  private double up(double x, String low, String high) {
    return ramp(x, t.get(low), t.get(high));
  }

  private double down(double x, String full, String zero) {
    return 1 - ramp(x, t.get(full), t.get(zero));
  }

  /** 0 at or below {@code low}, 1 at or above {@code high}, linear between. */
  static double ramp(double x, double low, double high) {
    if (x <= low) {
      return 0;
    }
    if (x >= high) {
      return 1;
    }
    return (x - low) / (high - low);
  }
}
