/*
 * Classification against the published /model.json, never refitted, ported from
 * dev.personas.classify (Scaler, TypeModel, Classification, BehaviourRate, PersonaClassifier)
 * and dev.personas.me (MeAnalyzer's result, MeFile's me.json). Everything the Java code reads
 * from the model is read from the same file here, so a site built on another population
 * classifies against that population.
 */
import { FEATURES, median } from "./features.js";
import { utcDate, compareDated } from "./common.js";

/** Model.VERSION and Feature.CATALOGUE_VERSION this port computes. */
export const MODEL_VERSION = 3;
export const CATALOGUE_VERSION = 1;
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

/** Scaler.standardize then TypeModel.probabilities then Classification.of. */
export function classifySession(model, values) {
  const { transforms, centres, scales, zLimit } = model.scaler;
  const z = values.map((value, i) => {
    const t = transforms[i] === "log1p" ? Math.log1p(Math.max(0, value)) : value;
    return Math.max(-zLimit, Math.min(zLimit, (t - centres[i]) / scales[i]));
  });
  const { weights, intercepts } = model.types;
  const logits = intercepts.map((intercept, t) => {
    let s = intercept;
    const w = weights[t];
    for (let j = 0; j < w.length; j++) {
      s += w[j] * z[j];
    }
    return s;
  });
  const probabilities = softmax(logits);
  const [best, second] = topTwo(probabilities);
  return { type: TYPES[best], probability: probabilities[best], runnerUp: TYPES[second],
    runnerUpProbability: probabilities[second], probabilities };
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
  const counts = model.weakLabelCounts;
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
