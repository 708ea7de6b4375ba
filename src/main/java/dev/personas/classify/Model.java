package dev.personas.classify;

import java.util.List;
import java.util.Objects;

/**
 * The fitted population model: everything needed to classify a session or a person later, and
 * what it was fitted on. Written to {@code model.json} by {@link ModelFile}.
 *
 * @param modelVersion version of this model's shape and method ({@link #VERSION})
 * @param catalogueVersion the feature catalogue's version it was fitted with
 * @param featureKeys feature keys in the order of every weight row and scaler entry
 * @param scaler transforms, centres and scales of the dataset (for describing its types; the
 *     type classifier reads raw features)
 * @param typeSlugs session type slugs, in the order of the weight rows
 * @param typeNames session type display names, same order
 * @param types how sure the classifier is: the sharpness fitted on the real labelled corpus
 * @param rules the evidence rules' thresholds: the best-scoring rule gives a session its type
 * @param typeCounts sessions of the dataset given each type, same order
 * @param personaSlugs persona slugs in {@link Persona} order
 * @param personaNames persona display names, same order
 * @param personas the persona model
 * @param datasetFingerprint SHA-256 over the sorted feature vectors it was fitted on
 * @param sessionCount sessions it was fitted on
 * @param personCount distinct persons among them
 * @param cohort the population's person-level figures a personal page compares with
 */
public record Model(
    int modelVersion,
    int catalogueVersion,
    List<String> featureKeys,
    Scaler scaler,
    List<String> typeSlugs,
    List<String> typeNames,
    TypeModel types,
    RuleThresholds rules,
    int[] typeCounts,
    List<String> personaSlugs,
    List<String> personaNames,
    PersonaModel personas,
    String datasetFingerprint,
    int sessionCount,
    int personCount,
    Cohort cohort) {

  /**
   * Bump when the model's shape or the meaning of its numbers changes. 3: the population's cohort
   * (map points, rate quartiles, persona medians, outcomes) is part of the model, and a close
   * persona call keeps its best fit (borderline) instead of becoming the Journeyman. 4: types come
   * from the evidence rules set on real labelled sessions, with a fitted sharpness, not from a
   * logistic regression trained on the dataset's own rule labels. 5: the rules read prose edits
   * (a session writing only specs, plans and notes sets the table), a Spiral is also the same API
   * error again and again, and an error pasted back and cleared at once is no longer stuck.
   * 6: a prompt asking for an answer ("tell me", "explain", "review") counts as a question, and
   * a question with nothing edited is not a One-shot errand; a plan is also handed over by
   * sending the agent to a written one ("build plan.md phase 3").
   * 7: reading alone, without the person asking, is weak evidence of Consult; edits to prose
   * only (notes, docs) leave a session a consultation; hours of questions over unchanged code are
   * not a Marathon; a plan is also pointed at in what was typed after a command ("/implement do
   * tasks T012 - T016").
   * 8: an MCP method that writes is an edit; the client's housekeeping commands (/exit, /model)
   * are not commands; a session run by two or more commands is a workflow, not a One-shot; a long
   * opening is a spec only as far as it is structured; one subagent is the agent reading, not
   * delegation; asking for a list or an overview, Korean and Japanese asks, and vague re-asks in
   * more languages ("nope", "ne répond pas", "안돼") are read (corpus/README.md).
   * 9: the AsciiDoc and reStructuredText sources of a documentation site are the product, not
   * notes: editing them is not writing prose (doc_edits); few edits is few beside the agent's
   * tool calls (consult.edits_per_call_zero); a short ask that set off a long run of edits is a
   * hand-over only while the person asks little more (blueprint.run_asks_*); plan mode and
   * subagents set the table as far as they are frequent (scaffold.per_ask_high).
   * 10: personas have flat priors (PersonaModel.authored): the study's persona shares no longer
   * weigh on a person's own sessions.
   * 11: only writing a convention file (CLAUDE.md, AGENTS.md, …) is a setup action, not the
   * agent reading one (setup_actions); a prompt carrying pasted output is not the person pointing
   * (the Spiral rule's pointer damping); another session's message, a background shell's notice
   * and a forked worker's brief are not typed prompts (prompts and every per-prompt feature).
   * 12: a re-ask that says nothing changed ("no change", "nothing happened", "还是没变化", "依旧不行",
   * "没反应", "여전히", "変わらない") is a vague re-ask (vague_fix_requests); a Claude Code tool call
   * or tool result written out again under new line uuids (a replay) counts once; a prompt that
   * rules out changes ("don't change any files", "先不改文件") asks for an answer (question_share);
   * a session that went through plan mode is not a One-shot.
   * 13: a typed prompt that such a replay writes out again (the same text, written at the instant
   * of the line before it) counts once too.
   * 14: more that Claude Code and Codex write as the person is not typed: a teammate's report (agent
   * teams), a background agent's notice, Claude Code's "Unknown slash command:" answer, a slash
   * command queued while the agent worked (counted when it runs, as the command), the same queued
   * message written again within two seconds (a client loop), and a Codex skill's loaded
   * instructions or plugin recommendations.
   * 15: the eighth round's 57 sessions join the calibration half: the sharpness and the active-time
   * estimate are refitted on its 394 sessions (ln(1 + minutes) = -0.11 + 0.74 ln(1 + asks) + 0.48
   * ln(1 + tool calls)); a file holding only Claude Code's request for a conversation's title is no
   * session.
   * 16: few edits is few beside the questions typed too (up to one per question: twenty questions
   * and two small edits are still a consultation); one note or spec written is not a setup move,
   * several are (scaffold.prose_files_low/high, as for a quick set-up's substance).
   * 17: the ninth round's 60 sessions join the calibration half: the sharpness and the active-time
   * estimate are refitted on its 454 sessions (ln(1 + minutes) = -0.17 + 0.77 ln(1 + asks) + 0.48
   * ln(1 + tool calls)); no rule changed. A type is marked uncertain under a probability of 0.8
   * (0.5 before; Classification.UNCERTAIN_BELOW).
   * 18: convention files written (setup_actions) set the table as far as they are frequent beside
   * what was asked, as plan mode and subagents do (TypeRules.perAsk): a CLAUDE.md touched once in
   * a long session of building is not the session's shape.
   * 19: a correction no longer counts a prompt that asks a question or only moves the agent along
   * ("A", "yes, continue", "继续", "commit it"; PromptSignals.isGoOn): in the prompt-level study
   * (corpus/README), blind readers called a third of what the corrections counted go-ons and a
   * sixth questions. A browser console's failed request ("POST https://… 422", net::ERR_…) is
   * pasted output. No rule or threshold changed.
   * 20: a file written through the shell is an edit (FileWrites): output redirected into a file
   * ({@code cat > app.py <<EOF}), {@code sed -i}, {@code perl -pi}, {@code tee FILE}, PowerShell's
   * Set-Content, Add-Content and Out-File, {@code git apply}, {@code patch}, and an inline Python or
   * Node script that opens a file for writing; such a call is no longer a read. Scratch (the null
   * device, temporary directories, {@code .log} files) is not. No rule or threshold changed.
   * 21: more of the clients' own commands are housekeeping, not asks (HousekeepingCommands:
   * {@code /rename}, {@code /remote-control}, {@code /copy}, {@code /effort}, {@code /skills},
   * {@code /chrome}, {@code /fork}, …). No rule or threshold changed.
   */
  public static final int VERSION = 21;

  public Model {
    featureKeys = List.copyOf(featureKeys);
    typeSlugs = List.copyOf(typeSlugs);
    typeNames = List.copyOf(typeNames);
    personaSlugs = List.copyOf(personaSlugs);
    personaNames = List.copyOf(personaNames);
    Objects.requireNonNull(scaler, "scaler");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(personas, "personas");
    Objects.requireNonNull(datasetFingerprint, "datasetFingerprint");
    Objects.requireNonNull(cohort, "cohort");
    typeCounts = typeCounts.clone();
  }

  /** The same model with another cohort. */
  Model withCohort(Cohort other) {
    return new Model(modelVersion, catalogueVersion, featureKeys, scaler, typeSlugs, typeNames, types, rules,
        typeCounts, personaSlugs, personaNames, personas, datasetFingerprint, sessionCount, personCount, other);
  }

  @Override
  public int[] typeCounts() {
    return typeCounts.clone();
  }
}
