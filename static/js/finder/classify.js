/*
 * Classification against the published /model.json, never refitted, ported from
 * dev.personas.classify (TypeRules, TypeModel, Classification, BehaviourRate, PersonaClassifier)
 * and dev.personas.me (MeAnalyzer's result, MeFile's me.json). Everything the Java code reads
 * from the model is read from the same file here, so a site built on another population
 * classifies against that population.
 */
import { FEATURES, median } from "./catalogue.js";
import { utcDate, compareDated } from "./common.js";

/** Model.VERSION and Feature.CATALOGUE_VERSION this port computes. */
export const MODEL_VERSION = 21;
export const CATALOGUE_VERSION = 2;
export const TYPES = ["one-shot", "consult", "blueprint", "scaffold", "workshop", "marathon", "spiral"];
export const PERSONAS = ["pair-programmer", "spec-first-architect", "quick-turn-sprinter", "showrunner",
  "runtime-mechanic", "prompt-minimalist", "multi-mode-journeyman"];
export const RATES = ["corrections_per_prompt", "test_runs_per_session", "delegation", "spec_first",
  "pasted_output_per_prompt", "pointers_per_prompt", "question_share", "prompt_chars", "prompts_per_session"];
const REASONS = 4;

/** Refuses a model this port would misread, in one sentence (as ModelFile.checkCompatible). */
export function checkModel(model) {
  const same = (a, b) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
  if (model === null || typeof model !== "object") {
    return "the site's model.json is not a JSON object";
  }
  if (model.modelVersion !== MODEL_VERSION) {
    return "the site's model.json has model version " + model.modelVersion + ", this page reads version " + MODEL_VERSION;
  }
  if (model.catalogueVersion !== CATALOGUE_VERSION || !same(model.featureKeys, FEATURES)) {
    return "the site's model.json was fitted on another feature catalogue than this page computes";
  }
  if (!same(model.typeSlugs, TYPES) || !same(model.personas.rateKeys, RATES)) {
    return "the site's model.json lists other session types or rates than this page knows";
  }
  return null;
}

/** TypeRules.scores then TypeModel.probabilities then Classification.of. */
export function classifySession(model, values) {
  const scores = ruleScores(model.rules.values, values);
  const { sharpness } = model.types;
  let max = -Infinity;
  for (const s of scores) {
    max = Math.max(max, s);
  }
  const p = scores.map(s => Math.exp(sharpness * (s - max)));
  let sum = 0;
  for (const x of p) {
    sum += x;
  }
  const probabilities = p.map(x => x / sum);
  const [best, second] = topTwo(probabilities);
  return { type: TYPES[best], probability: probabilities[best], runnerUp: TYPES[second],
    runnerUpProbability: probabilities[second], probabilities };
}

/** Classification.UNCERTAIN_BELOW: a type given with a lower probability is shown as uncertain. */
export const UNCERTAIN_BELOW = 0.8;

/** Classification.uncertain. */
export function uncertain(probability) {
  return probability < UNCERTAIN_BELOW;
}

/** TypeRules.ramp: 0 at or below low, 1 at or above high, linear between. */
function ramp(x, low, high) {
  if (x <= low) {
    return 0;
  }
  if (x >= high) {
    return 1;
  }
  return (x - low) / (high - low);
}

/** TypeRules.scores: one evidence score per session type, from raw features and the model's thresholds. */
export function ruleScores(t, values) {
  const at = name => {
    const v = t[name];
    if (v === undefined) {
      throw new Error("rule threshold missing: " + name);
    }
    return v;
  };
  const f = key => values[FEATURES.indexOf(key)];
  const up = (x, low, high) => ramp(x, at(low), at(high));
  const down = (x, full, zero) => 1 - ramp(x, at(full), at(zero));
  const prompts = f("prompts");
  const asks = prompts + f("slash_commands");
  const commandShare = f("slash_commands") / Math.max(1, asks);
  const minutes = f("active_minutes");
  const edits = f("edit_iterations");
  const corrections = f("corrections");
  const repeats = f("median_prompt_chars") >= at("spiral.repeat_min_chars") ? f("repeated_prompts") : 0;
  const loop = f("error_repastes") + f("vague_fix_requests") + at("spiral.repeat_weight") * repeats;
  const calls = f("tool_calls_per_prompt") * Math.max(1, prompts);
  // TypeRules.noEdits: few edits is few beside the agent's tool calls and the questions typed.
  const editsZero = Math.max(Math.max(at("consult.edits_zero"), at("consult.edits_per_call_zero") * calls),
    prompts * f("question_share"));
  const noEdits = 1 - ramp(edits, 0, editsZero);
  const reads = up(f("read_share"), "consult.read_share_low", "consult.read_share_high")
    * up(calls, "consult.calls_low", "consult.calls_high");
  const runsLong = up(edits, "blueprint.run_edits_low", "blueprint.run_edits_high")
    * up(minutes, "blueprint.run_minutes_low", "blueprint.run_minutes_high");

  const quick = down(asks, "one_shot.asks_full", "one_shot.asks_zero")
    * down(minutes, "one_shot.minutes_full", "one_shot.minutes_zero")
    * (1 - ramp(corrections, 0, at("one_shot.corrections_zero")))
    * (1 - ramp(loop, 0, at("one_shot.loop_zero")));
  const errands = at("one_shot.errand_weight")
    * down(asks, "one_shot.errand_asks_full", "one_shot.errand_asks_zero")
    * down(f("median_prompt_chars"), "one_shot.errand_chars_full", "one_shot.errand_chars_zero")
    * down(minutes, "one_shot.errand_minutes_full", "one_shot.errand_minutes_zero")
    * down(corrections, "one_shot.errand_corrections_full", "one_shot.errand_corrections_zero")
    * (1 - ramp(loop, 0, at("one_shot.errand_loop_zero")));
  const brief = down(f("first_prompt_chars"), "one_shot.first_chars_full", "one_shot.first_chars_zero");
  const asksQuestions = up(f("question_share"), "consult.question_share_low", "consult.question_share_high");
  // TypeRules.oneShot: a workflow run by commands (two or more) is not a brief request either, nor
  // is a session that went through plan mode.
  const workflow = commandShare * ramp(f("slash_commands"), 1, 2);
  const oneShotBase = Math.max(quick, errands) * brief * (1 - 0.5 * noEdits * Math.max(reads, asksQuestions))
    * (1 - runsLong) * (1 - at("one_shot.command_workflow_weight") * workflow) * (1 - ramp(f("plan_mode"), 0, 1));

  // TypeRules.noCode: no edits, or (weighed a little less) edits to prose only.
  const proseOnly = 1 - ramp(edits - f("doc_edits"), 0, editsZero);
  const noCode = Math.max(noEdits, at("consult.prose_edits_weight") * proseOnly);
  const readsAsked = reads * Math.max(asksQuestions, at("consult.unasked_reads_weight"));
  const asksAbout = Math.max(readsAsked, Math.max(asksQuestions, ramp(f("web_lookups"), 0, at("consult.web_high"))));
  const consult = noCode * asksAbout;

  // TypeRules.blueprint: a long opening is a spec as far as it is structured.
  const longSpec = up(f("first_prompt_chars"), "blueprint.first_chars_low", "blueprint.first_chars_high")
    * up(f("spec_markers"), "blueprint.first_chars_structure_low", "blueprint.first_chars_structure_high");
  const upFront = Math.max(
    Math.max(longSpec,
      up(f("spec_markers"), "blueprint.spec_markers_low", "blueprint.spec_markers_high")),
    Math.max(f("plan_handoff"), at("blueprint.run_weight") * runsLong
      * down(asks, "blueprint.run_asks_full", "blueprint.run_asks_zero")));
  const blueprint = upFront
    * down(prompts, "blueprint.prompts_full", "blueprint.prompts_zero")
    * down(corrections, "blueprint.corrections_full", "blueprint.corrections_zero")
    * ramp(edits, 0, at("blueprint.edits_high"));

  const writesProse = edits < 1 ? 0
    : up(f("doc_edits") / edits, "scaffold.prose_share_low", "scaffold.prose_share_high")
      * down(prompts, "scaffold.prose_prompts_full", "scaffold.prose_prompts_zero");
  // TypeRules.oneShot: nor, as much, a session that wrote several specs, plans or notes and little else.
  // TypeRules.proseFilesWritten: several spec, plan or note files written.
  const proseFilesWritten = up(f("doc_edits"), "scaffold.prose_files_low", "scaffold.prose_files_high");
  // TypeRules.writesSpecs: mostly prose written, and several such files.
  const writesSpecs = writesProse * proseFilesWritten;
  const oneShot = oneShotBase * (1 - at("one_shot.prose_files_weight") * writesSpecs);
  // TypeRules.perAsk: plan mode, subagents and convention files set the table as far as they are frequent.
  const perAsk = key => ramp(f(key) / Math.max(1, asks), 0, at("scaffold.per_ask_high"));
  const setup = Math.max(
    Math.max(up(commandShare, "scaffold.command_share_low", "scaffold.command_share_high"),
      ramp(f("plan_mode"), 0, 1) * perAsk("plan_mode")),
    Math.max(Math.max(up(f("subagent_calls"), "scaffold.subagents_low", "scaffold.subagents_high")
        * perAsk("subagent_calls"),
      ramp(f("setup_actions"), 0, at("scaffold.setup_high")) * perAsk("setup_actions")), writesSpecs));
  const substance = Math.max(up(minutes, "scaffold.minutes_low", "scaffold.minutes_high"), proseFilesWritten);
  const scaffold = asks >= 1 ? setup * substance : 0;

  const high = at("workshop.checks_high");
  const checks = (ramp(f("specific_pointers"), 0, high) + ramp(f("pasted_output"), 0, high)
    + ramp(f("test_runs"), 0, high)) / 3;
  const workshop = ramp(corrections, 0, at("workshop.corrections_high"))
    * (0.5 + 0.5 * checks)
    * down(prompts, "workshop.prompts_full", "workshop.prompts_zero")
    * down(commandShare, "workshop.command_share_full", "workshop.command_share_zero");

  const sustained = Math.min(up(prompts, "marathon.prompts_low", "marathon.prompts_high"),
    up(minutes, "marathon.minutes_low", "marathon.minutes_high"));
  const floor = at("marathon.edits_floor");
  const consulting = at("marathon.consult_damping") * noCode * asksQuestions;
  const marathon = sustained * (floor + (1 - floor) * up(edits, "marathon.edits_low", "marathon.edits_high"))
    * (1 - consulting);

  const perPrompt = Math.max(1, prompts);
  // A pasted error names files and lines by itself: each prompt carrying pasted output takes one
  // pointer off (TypeRules.spiral).
  const pointing = Math.max(0, f("specific_pointers") - f("pasted_output"));
  const looping = ramp(loop, 0, at("spiral.loop_high"))
    * up(loop / perPrompt, "spiral.loop_rate_low", "spiral.loop_rate_high")
    * down(pointing / perPrompt, "spiral.pointer_rate_full", "spiral.pointer_rate_zero");
  const gotNowhere = calls === 0 || f("ended_after_error") > 0;
  const stuck = gotNowhere
    ? ramp(f("pasted_output"), 0, 1)
      * down(prompts, "spiral.stuck_prompts_full", "spiral.stuck_prompts_zero") * noEdits
    : 0;
  const blocked = up(f("api_errors"), "spiral.api_errors_low", "spiral.api_errors_high") * noEdits;
  const spiral = Math.min(1, Math.max(looping, Math.max(stuck, blocked)));

  return [oneShot, consult, blueprint, scaffold, workshop, marathon, spiral];
}

function softmax(logits) {
  let max = -Infinity;
  for (const l of logits) {
    max = Math.max(max, l);
  }
  const p = logits.map(l => Math.exp(l - max));
  let sum = 0;
  for (const x of p) {
    sum += x;
  }
  return p.map(x => x / sum);
}

/** The best and second index; ties go to the earlier one. */
function topTwo(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i] > values[best]) {
      best = i;
    }
  }
  let second = best === 0 ? 1 : 0;
  for (let i = 0; i < values.length; i++) {
    if (i !== best && values[i] > values[second]) {
      second = i;
    }
  }
  return [best, second];
}

/** BehaviourRate.of: every rate of one person's sessions (feature vectors), in declaration order. */
export function rates(vectors) {
  const n = vectors.length;
  const f = key => FEATURES.indexOf(key);
  let prompts = 0;
  let corrections = 0;
  let tests = 0;
  let delegated = 0;
  let specFirst = 0;
  let pasted = 0;
  let pointers = 0;
  let questions = 0;
  const chars = [];
  const promptCounts = [];
  for (const v of vectors) {
    prompts += v[f("prompts")];
    corrections += v[f("corrections")];
    tests += v[f("test_runs")];
    delegated += v[f("subagent_calls")] > 0 ? 1 : 0;
    specFirst += v[f("spec_markers")] >= 3 || v[f("plan_handoff")] > 0 ? 1 : 0;
    pasted += v[f("pasted_output")];
    pointers += v[f("specific_pointers")];
    questions += v[f("question_share")];
    chars.push(v[f("median_prompt_chars")]);
    promptCounts.push(v[f("prompts")]);
  }
  const perPrompt = Math.max(1, prompts);
  return [corrections / perPrompt, tests / n, delegated / n, specFirst / n, pasted / perPrompt, pointers / perPrompt,
    questions / n, median(chars), median(promptCounts)];
}

/** PersonaClassifier.classify over a person's sessions ({values, type}) in start order. */
export function classifyPerson(model, sessions) {
  const pm = model.personas;
  const n = sessions.length;
  const shares = new Array(TYPES.length).fill(0);
  for (const s of sessions) {
    shares[TYPES.indexOf(s.type)] += 1.0 / n;
  }
  const yours = rates(sessions.map(s => s.values));
  const logits = PERSONAS.map(slug => {
    const proto = pm.prototypes[slug];
    let likelihood = 0;
    for (let t = 0; t < proto.length; t++) {
      likelihood += shares[t] * n * Math.log(proto[t]);
    }
    return Math.log(pm.priors[slug]) + likelihood + pm.behaviourWeight * (behaviour(pm, yours, slug) - 0.5);
  });
  const posterior = softmax(logits);
  const [best, second] = topTwo(posterior);
  const provisional = n < pm.minSessions;
  const decisive = posterior[best] >= pm.minScore && posterior[best] - posterior[second] >= pm.minMargin;
  // As the Java classifier: a close call keeps its best fit, marked not decisive (no Journeyman fallback).
  return { persona: PERSONAS[best], confidence: posterior[best], runnerUp: PERSONAS[second], decisive, provisional,
    rates: yours, scores: posterior };
}

function behaviour(pm, yours, slug) {
  const signs = pm.signatures[slug];
  let agree = 0;
  let counted = 0;
  for (let r = 0; r < signs.length; r++) {
    if (signs[r] === 0) {
      continue;
    }
    counted++;
    const side = Math.sign(signs[r] * (yours[r] - pm.rateMedians[r]));
    agree += side > 0 ? 1 : side === 0 ? 0.5 : 0;
  }
  return counted === 0 ? 0.5 : agree / counted;
}

/** MeAnalyzer.reasons: the rates that decided the persona, strongest first. */
function reasons(model, person) {
  const medians = model.personas.rateMedians;
  const signs = model.personas.signatures[person.persona];
  return RATES.map((rate, i) => {
    const yours = person.rates[i];
    const distance = Math.abs(yours - medians[i]) / Math.max(Math.abs(medians[i]), 0.05);
    const agrees = signs[i] !== 0 && Math.sign(yours - medians[i]) === Math.sign(signs[i]);
    return { reason: { rate, yours, population: medians[i] }, agrees, distance };
  })
    .filter(s => s.distance > 0)
    .sort((a, b) => (a.agrees !== b.agrees ? (a.agrees ? -1 : 1)
      : a.distance !== b.distance ? b.distance - a.distance
        : a.reason.rate < b.reason.rate ? -1 : a.reason.rate > b.reason.rate ? 1 : 0))
    .slice(0, REASONS)
    .map(s => s.reason);
}

/**
 * MeAnalyzer.analyse after reading: the sessions ({id, start, values}) sorted by start (undated
 * last) then id, each classified, the persona over all of them, and the result me.json holds.
 */
export function analyse(model, read) {
  const sessions = read.map(s => ({ ...s, ...classifySession(model, s.values) }));
  sessions.sort((a, b) => compareDated(a.start, b.start, a.id, b.id));
  const person = classifyPerson(model, sessions);
  const counts = model.typeCounts;
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    modelFingerprint: model.datasetFingerprint,
    persona: person.persona, confidence: person.confidence, runnerUp: person.runnerUp, decisive: person.decisive,
    provisional: person.provisional, scores: person.scores, reasons: reasons(model, person),
    populationMix: counts.map(c => (total === 0 ? 0 : c / total)),
    sessions: sessions.map(s => ({ id: s.id, date: utcDate(s.start), type: s.type, probability: s.probability,
      runnerUp: s.runnerUp, runnerUpProbability: s.runnerUpProbability, values: s.values }))
  };
}

/**
 * MeFile.bytes: the personas.me/2 export (features, labels and the deeper figures only; no ids,
 * text or paths). {@code result.depth} is depth.js's PersonalDepth, required by the schema.
 */
export function meJson(result) {
  const root = {
    schema: "personas.me/2",
    model: result.modelFingerprint,
    persona: { slug: result.persona, confidence: result.confidence, runnerUp: result.runnerUp,
      decisive: result.decisive, provisional: result.provisional,
      scores: Object.fromEntries(PERSONAS.map((p, i) => [p, result.scores[i]])) },
    reasons: result.reasons.map(r => ({ rate: r.rate, yours: r.yours, population: r.population })),
    populationMix: Object.fromEntries(TYPES.map((t, i) => [t, result.populationMix[i]])),
    features: FEATURES,
    sessions: result.sessions.map(s => ({ date: s.date, type: s.type, probability: s.probability,
      runnerUp: s.runnerUp, runnerUpProbability: s.runnerUpProbability, values: s.values })),
    depth: result.depth
  };
  return JSON.stringify(root, null, 2) + "\n";
}
