/*
 * The deeper personal figures, ported from dev.personas.me.DepthAnalyzer (with
 * dev.personas.classify.PersonaMap and Outcomes): the persona map, the fit, the shadow and its
 * axis, every rate against the cohort, three traits, outcomes, two moves and the monthly trend,
 * from the visitor's result and the model alone (its persona model and published cohort). The
 * object returned has PersonalDepth's JSON shape, field for field, so me.json carries it as
 * `personas me --export` does. The README ("The personal page's deeper figures") states each
 * step; the comments here only say where JavaScript needs care to give the Java answer.
 */
import { FEATURES } from "./catalogue.js";
import { PERSONAS, TYPES, RATES, rates as ratesOf } from "./classify.js";

/** DepthAnalyzer.TREND_DAYS: logs spanning more days than this get a month-by-month trend. */
export const TREND_DAYS = 28;
const MIN_SCALE = 0.05;
const JOURNEYMAN = "multi-mode-journeyman";
const EVERYONE = "everyone";

/**
 * Double.compare: as < and >, except that −0 sorts before +0. Java's comparingDouble sorts
 * with it, and a score of −0 against +0 does decide an order here (reflection questions).
 */
export function compareDouble(a, b) {
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  const negA = Object.is(a, -0);
  const negB = Object.is(b, -0);
  return negA === negB ? 0 : negA ? -1 : 1;
}

/** DepthAnalyzer.analyse: result has persona, runnerUp, decisive, scores, populationMix and sessions. */
export function depth(model, result) {
  const pm = model.personas;
  const cohort = model.cohort;
  const vectors = result.sessions.map(s => s.values);
  const rates = ratesOf(vectors);
  const scores = result.scores;
  const measures = measuresOf(cohort, result.persona, rates);
  return {
    map: { you: project(scores), scores: [...scores], population: cohort.points.map(p => [...p]) },
    fit: fit(pm, result, scores),
    shadow: { persona: result.runnerUp, score: scores[PERSONAS.indexOf(result.runnerUp)],
      personaScore: scores[PERSONAS.indexOf(result.persona)], axis: axis(pm, result, rates) },
    measures,
    traits: traits(pm, result.persona, measures),
    outcomes: { you: outcomesOf(vectors), persona: cohort.outcomes[result.persona] ?? null,
      everyone: cohort.outcomes[EVERYONE] },
    moves: moves(pm, cohort, result.persona, rates, measures),
    trend: trend(result.sessions)
  };
}

/** PersonaMap.anchor: corner k of the hexagon at 90° − 60°·k, the Journeyman at the centre. */
export function anchor(slug) {
  if (slug === JOURNEYMAN) {
    return [0, 0];
  }
  // Math.toRadians multiplies by the double nearest π/180, as this does.
  const angle = (90 - 60 * PERSONAS.indexOf(slug)) * (Math.PI / 180);
  return [round3(Math.cos(angle)), round3(Math.sin(angle))];
}

/** PersonaMap.project: the score-weighted mean of the corners. */
export function project(scores) {
  let total = 0;
  for (const s of scores) {
    total += s;
  }
  let x = 0;
  let y = 0;
  PERSONAS.forEach((slug, i) => {
    const corner = anchor(slug);
    x += scores[i] / total * corner[0];
    y += scores[i] / total * corner[1];
  });
  return [round3(x), round3(y)];
}

// PersonaMap.round: Java's Math.round and JavaScript's both round halves up; no −0 written.
function round3(v) {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? 0 : r;
}

// Persona indices by score, highest first; ties keep persona order (both sorts are stable).
function byScore(scores) {
  return scores.map((_, i) => i).sort((a, b) => compareDouble(-scores[a], -scores[b]));
}

function fit(pm, result, scores) {
  const order = byScore(scores);
  const margin = scores[order[0]] - scores[order[1]];
  const word = result.decisive ? "decisive" : margin < pm.minMargin / 2 ? "borderline" : "typical";
  return { word, best: PERSONAS[order[0]], bestScore: scores[order[0]], second: PERSONAS[order[1]],
    secondScore: scores[order[1]] };
}

function axis(pm, result, rates) {
  const a = result.persona;
  const b = result.runnerUp;
  const protoA = pm.prototypes[a];
  const protoB = pm.prototypes[b];
  const n = result.sessions.length;
  let best = null;
  TYPES.forEach((t, i) => {
    const count = result.sessions.filter(s => s.type === t).length;
    const pull = count * (Math.log(protoA[i]) - Math.log(protoB[i]));
    if (best === null || Math.abs(pull) > Math.abs(best.pull)) {
      best = { kind: "type", key: t, yours: count / n, persona: protoA[i], shadow: protoB[i],
        everyone: result.populationMix[i], pull };
    }
  });
  const signA = pm.signatures[a];
  const signB = pm.signatures[b];
  RATES.forEach((r, i) => {
    const pull = pm.behaviourWeight * (agree(signA, rates, pm.rateMedians, i) - agree(signB, rates, pm.rateMedians, i));
    if (Math.abs(pull) > Math.abs(best.pull)) {
      best = { kind: "rate", key: r, yours: rates[i], persona: signA[i], shadow: signB[i], everyone: pm.rateMedians[i],
        pull };
    }
  });
  return best;
}

function agree(signs, rates, medians, i) {
  if (signs[i] === 0) {
    return 0;
  }
  const stances = signs.filter(s => s !== 0).length;
  const side = Math.sign(signs[i] * (rates[i] - medians[i]));
  return (side > 0 ? 1 : side === 0 ? 0.5 : 0) / stances;
}

function personaRate(cohort, slug, i) {
  const medians = cohort.personaRates[slug];
  return medians === undefined ? null : medians[i];
}

function measuresOf(cohort, persona, rates) {
  return RATES.map((r, i) => {
    const spread = cohort.rates[r];
    const scale = spread.q3 - spread.q1 > 0 ? spread.q3 - spread.q1 : Math.max(Math.abs(spread.median), MIN_SCALE);
    return { rate: r, yours: rates[i], persona: personaRate(cohort, persona, i), everyone: spread.median, q1: spread.q1,
      q3: spread.q3, scale, z: (rates[i] - spread.median) / scale };
  });
}

function traits(pm, persona, measures) {
  const signature = pm.signatures[persona];
  const typical = [];
  const other = [];
  measures.forEach((m, i) => {
    const side = m.persona !== null && m.persona !== m.everyone ? Math.sign(m.persona - m.everyone)
      : Math.sign(signature[i]);
    if (m.z !== 0 && side !== 0 && Math.sign(m.z) === side) {
      typical.push(m);
    } else if (m.z !== 0) {
      other.push(m);
    }
  });
  const farthest = (a, b) => compareDouble(-Math.abs(a.z), -Math.abs(b.z));
  typical.sort(farthest);
  other.sort(farthest);
  const strengths = typical.slice(0, 2);
  for (let i = 0; strengths.length < 2 && i < other.length; i++) {
    strengths.push(other[i]);
  }
  const out = strengths.map(m => ({ rate: m.rate, role: "strength", above: m.z > 0 }));
  // Stream.min keeps the first of equals.
  let contrast = null;
  for (const m of measures.filter(x => !strengths.includes(x))) {
    if (contrast === null || compareDouble(distance(m), distance(contrast)) < 0) {
      contrast = m;
    }
  }
  if (contrast !== null) {
    out.push({ rate: contrast.rate, role: "contrast", above: contrast.yours > reference(contrast) });
  }
  return out;
}

function distance(m) {
  return -Math.abs(m.yours - reference(m)) / m.scale;
}

function reference(m) {
  return m.persona !== null ? m.persona : m.everyone;
}

/** Outcomes.of: shares rounded to the model file's nine significant digits (Numbers.fixed). */
export function outcomesOf(vectors) {
  const f = key => FEATURES.indexOf(key);
  let commit = 0;
  let passing = 0;
  let error = 0;
  for (const v of vectors) {
    commit += v[f("agent_commits")] > 0 ? 1 : 0;
    passing += v[f("tests_pass_at_end")] > 0 ? 1 : 0;
    error += v[f("ended_after_error")] > 0 ? 1 : 0;
  }
  const n = vectors.length;
  return { sessions: n, agentCommit: fixed(commit / n), testsPassing: fixed(passing / n), afterError: fixed(error / n) };
}

/**
 * Numbers.fixed: nine significant digits. toPrecision rounds the exact binary value as
 * BigDecimal does; only an exact tie (a share of n sessions with n a multiple of 8,192) could
 * round the other way, by 1e-9 of the value.
 */
export function fixed(value) {
  return value === 0 ? 0 : Number(value.toPrecision(9));
}

function moves(pm, cohort, persona, rates, measures) {
  const candidates = [];
  const own = pm.signatures[persona];
  for (const p of PERSONAS) {
    if (p === persona || p === JOURNEYMAN) {
      continue;
    }
    const signs = pm.signatures[p];
    RATES.forEach((r, i) => {
      const s = signs[i];
      if (s === 0 || s * own[i] < 0) {
        return;
      }
      const m = measures[i];
      const median = personaRate(cohort, p, i);
      const stand = median !== null ? median : s > 0 ? m.q3 : m.q1;
      const gap = s * (stand - rates[i]) / m.scale;
      if (gap > 0) {
        candidates.push({ from: p, rate: r, gap });
      }
    });
  }
  candidates.sort((a, b) => compareDouble(-a.gap, -b.gap));
  const chosen = [];
  for (const m of candidates) {
    if (chosen.length === 0 || (chosen[0].from !== m.from && chosen[0].rate !== m.rate)) {
      chosen.push(m);
    }
    if (chosen.length === 2) {
      break;
    }
  }
  return chosen;
}

/** DepthAnalyzer.trend over sessions with a "YYYY-MM-DD" date and a type slug. */
export function trend(sessions) {
  const dated = sessions.filter(s => s.date !== "1970-01-01");
  if (dated.length === 0) {
    return [];
  }
  const dates = dated.map(s => s.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if ((Date.parse(last) - Date.parse(first)) / 86400000 <= TREND_DAYS) {
    return [];
  }
  const months = [];
  let [year, month] = first.split("-").map(Number);
  const [lastYear, lastMonth] = last.split("-").map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = String(year).padStart(4, "0") + "-" + String(month).padStart(2, "0");
    const types = new Array(TYPES.length).fill(0);
    const inMonth = dated.filter(s => s.date.substring(0, 7) === key);
    inMonth.forEach(s => types[TYPES.indexOf(s.type)]++);
    months.push({ month: key, sessions: inMonth.length, types });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}
