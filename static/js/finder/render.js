/*
 * Draws a visitor's results: the sections and charts of the personal page (templates/me.peb,
 * PersonalPageRenderer, PersonalFiguresMaker), built as DOM nodes with textContent, so nothing
 * computed from a log is ever parsed as markup. Authored persona sections are cloned from the
 * page's inert <template> elements, which the build rendered from content/personas.
 *
 * One function per section, listed in SECTIONS in page order; each takes the view (see
 * {@link view}) and returns an element, or null to leave its section out. A new section is a
 * new function added to SECTIONS (and, if it needs more numbers, a field added in view()).
 */
import * as format from "./format.js";
import { FEATURES } from "./catalogue.js";
import { uncertain, UNCERTAIN_BELOW } from "./classify.js";
import { depthView, depthSections, trendPart, shareSection } from "./deeper.js";
import { plot } from "./plot.js";

/** The day an undated session carries (LocalDate.EPOCH in Java) and what the page shows for it. */
const EPOCH_DAY = "1970-01-01";
const UNDATED = "undated";

const THIS = 1;
const POPULATION = 2;

/** The page's sections, in order. */
export const SECTIONS = [header, depthSections, reasons, sessions, signatureMoves, borrows, reflection, shareSection];

/** Replaces the container's content with every section of the view (a section may give several, or none). */
export function render(container, view) {
  container.replaceChildren(...SECTIONS.flatMap(section => section(view)).filter(node => node !== null));
}

/**
 * Everything the sections print, computed once from the result (the personas.me/1 shape plus
 * the labels): PersonalFiguresMaker.figures and PersonalPageRenderer.view in one.
 * {@code data}: the page's data-finder JSON; {@code base}: the site's base URL; {@code sample}:
 * whether the site was built from the bundled sample; {@code population}: the comparison sentence.
 */
export function view(result, data, base, sample, population) {
  const typeName = slug => data.types.find(t => t.slug === slug).name;
  const persona = slug => data.personas.find(p => p.slug === slug);
  const me = persona(result.persona);
  const runnerUp = persona(result.runnerUp);
  const n = result.sessions.length;
  const yourMix = data.types.map(t => result.sessions.filter(s => s.type === t.slug).length / n);
  // PersonalFigures lists sessions by day (stable), so undated ones (the epoch day) come first.
  const rows = [...result.sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // A session whose log carries no timestamp sits on the epoch day: shown "undated", left out of
  // the dates and of the chart over time (PersonalPageRenderer does the same).
  const dated = rows.filter(s => s.date !== EPOCH_DAY);
  return {
    result, base, sample, population, typeName,
    personaName: slug => persona(slug).name,
    depth: result.depth ? depthView(result.depth, result.persona, data, sample) : null,
    persona: me,
    runnerUp,
    confidence: format.percent(result.confidence),
    // As PersonalFiguresMaker: too few sessions or a close call, and which.
    provisional: result.provisional || !result.decisive,
    fewSessions: result.provisional,
    sessionCount: format.count(n),
    firstDate: dated.length ? dated[0].date : UNDATED,
    lastDate: dated.length ? dated[dated.length - 1].date : UNDATED,
    reasons: result.reasons.map(r => {
      const rate = data.rates.find(x => x.key === r.rate);
      return { key: r.rate, name: rate.words.name, definition: rate.definition, unit: rate.unit, trait: me.traits[rate.trait] || "",
        yours: format.number(r.yours), population: format.number(r.population),
        direction: r.yours >= r.population ? "higher than most" : "lower than most" };
    }),
    mix: {
      id: "chart-your-mix", kind: "bar", title: "Your session-type mix against the population",
      summary: "Grouped horizontal bar chart: the share of your sessions in each session type, next to its share among all sessions.",
      unit: "percent", labelHeader: "Session type", labels: data.types.map(t => t.name), badge: sample,
      series: [
        { name: "Your sessions", colour: THIS, values: yourMix.map(format.percentValue), texts: yourMix.map(format.percent) },
        { name: "All sessions", colour: POPULATION, values: result.populationMix.map(format.percentValue),
          texts: result.populationMix.map(format.percent) }
      ]
    },
    overTime: dated.length ? overTime(dated, data) : null,
    minutesEstimated: rows.some(estimated),
    anyUncertain: rows.some(s => uncertain(s.probability)),
    sessions: rows.map(s => ({
      date: s.date === EPOCH_DAY ? UNDATED : s.date, type: typeName(s.type), typePath: "session-types/" + s.type + "/",
      confidence: format.percent(s.probability) + (uncertain(s.probability) ? " (uncertain)" : ""), activeMinutes: minutes(s),
      prompts: format.count(Math.trunc(value(s, "prompts"))), signals: signals(s)
    }))
  };
}

/** PersonalPageRenderer.minutes: "≈ " before an estimate (no time on the log's events, so no span). */
function minutes(s) {
  return (estimated(s) ? "≈ " : "") + format.minutes(value(s, "active_minutes"));
}

/** FeatureVector.activeMinutesEstimated: measured active time never exceeds the span; time without one is estimated. */
function estimated(s) {
  return value(s, "wall_minutes") === 0 && value(s, "active_minutes") > 0;
}

function value(session, key) {
  return session.values[FEATURES.indexOf(key)];
}

// Sessions over time: one lane per session type present, x the day since the first dated session.
function overTime(sessions, data) {
  const first = Date.parse(sessions[0].date);
  const series = [];
  data.types.forEach((t, ordinal) => {
    const rows = sessions.filter(s => s.type === t.slug);
    if (rows.length > 0) {
      series.push({ name: t.name, colour: ordinal % 6 + 1,
        points: rows.map(s => ({ x: Math.round((Date.parse(s.date) - first) / 86400000), y: t.name })),
        texts: rows.map(s => s.date) });
    }
  });
  return { id: "chart-over-time", kind: "timeline", title: "Your sessions over time",
    summary: "Strip chart: each of your " + sessions.length + " sessions as a mark on the day it started, one lane per session type.",
    unit: "days", labelHeader: "Date", labels: series.map(s => s.name), badge: false, series };
}

/** PersonalFiguresMaker.signals: short labels of what stood out, from the features only. */
export function signals(s) {
  const out = [];
  const v = key => value(s, key);
  const plural = (x, one, many) => {
    const n = Math.round(x);
    return n + " " + (n === 1 ? one : many);
  };
  const add = (x, one, many) => {
    if (x > 0) {
      out.push(plural(x, one, many));
    }
  };
  if (v("plan_mode") > 0 || v("plan_handoff") > 0) {
    out.push(v("plan_handoff") > 0 ? "plan handed over" : "plan mode");
  }
  add(v("subagent_calls"), "subagent", "subagents");
  if (v("spec_markers") >= 3) {
    out.push("structured spec");
  }
  add(v("edit_iterations"), "edit", "edits");
  if (v("test_runs") > 0) {
    const failed = Math.trunc(v("failed_test_runs"));
    out.push(plural(v("test_runs"), "test run", "test runs") + (failed > 0 ? " (" + failed + " failed)" : ""));
  }
  add(v("corrections"), "correction", "corrections");
  add(v("pasted_output"), "pasted output", "pasted outputs");
  add(v("error_repastes"), "repeated error", "repeated errors");
  add(v("web_lookups"), "web look-up", "web look-ups");
  if (v("ended_after_error") > 0) {
    out.push("ended on an error");
  }
  return out.slice(0, 5);
}

/** An element with attributes and children (strings become text nodes, never markup). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, val] of Object.entries(attributes)) {
    if (val !== null && val !== undefined && val !== false) {
      node.setAttribute(name, val === true ? "" : String(val));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function link(view, path, text) {
  return el("a", { href: view.base + path }, text);
}

function header(view) {
  const stats = el("dl", { class: "stats" },
    el("div", {}, el("dt", {}, "Confidence"), el("dd", {}, view.confidence)),
    el("div", {}, el("dt", {}, "Sessions read"), el("dd", {}, view.sessionCount)),
    el("div", {}, el("dt", {}, "From"), el("dd", {}, view.firstDate)),
    el("div", {}, el("dt", {}, "To"), el("dd", {}, view.lastDate)),
    el("div", {}, el("dt", {}, "Runner-up"),
      el("dd", {}, link(view, "personas/" + view.runnerUp.slug + "/", view.runnerUp.name))));
  return el("header", { class: "page-header finder-header" },
    el("p", { class: "eyebrow" }, "Your persona"),
    el("h2", { class: "finder-persona", "data-persona": view.persona.slug }, view.persona.name),
    el("p", { class: "tagline" }, view.persona.tagline),
    view.fewSessions ? el("p", { class: "note" }, el("strong", {}, "Provisional."),
      " Too few sessions were read to be sure; more sessions will settle it.")
      : view.provisional ? el("p", { class: "note" }, el("strong", {}, "Borderline."),
        " Two personas are too close to call from these sessions; more sessions may settle it.") : null,
    stats,
    el("p", { class: "note confidence-note" }, "Confidence is how clearly the model prefers this persona to the other six,"
      + " not how often it is right: a personas site's method page measures how often the method's persona matches"
      + " careful readers' on real people labelled blind."),
    el("p", {}, link(view, "personas/" + view.persona.slug + "/", "Read the full profile of " + view.persona.name)),
    view.population ? el("p", { class: "note" }, view.population) : null);
}

function tableScroll(table) {
  return el("div", { class: "table-scroll", tabindex: "0", role: "group",
    "aria-label": "Table (scrolls sideways when it does not fit)" }, table);
}

function reasons(view) {
  const rows = view.reasons.map(r => el("tr", {},
    el("th", { scope: "row" }, r.name, r.trait ? el("span", { class: "trait" }, r.trait) : null),
    el("td", {}, r.unit), el("td", { class: "num" }, r.yours), el("td", { class: "num" }, r.population),
    el("td", {}, r.direction)));
  return el("section", { "aria-labelledby": "why" },
    el("h2", { id: "why" }, "Why this persona"),
    tableScroll(el("table", { class: "data-table reasons" },
      el("caption", {}, "The features that weighed most, your value next to the population's"),
      el("thead", {}, el("tr", {}, ["Feature", "Unit", "You", "Population", "So you are"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows))));
}

/**
 * A chart as templates/charts.peb draws it, with the same data-chart spec and its numbers in a
 * table, but drawn at once by plot.js instead of a canvas for charts.js and Chart.js to fill.
 */
export function chart(c) {
  const spec = { kind: c.kind, unit: c.unit, labels: c.labels,
    series: c.series.map(s => (c.kind === "bar" ? { name: s.name, colour: s.colour, values: s.values }
      : { name: s.name, colour: s.colour, points: s.points })) };
  let table;
  if (c.kind === "timeline") {
    const marks = [];
    c.series.forEach(s => s.points.forEach((p, i) => marks.push({ x: p.x, cells: [s.texts[i], p.y] })));
    marks.sort((a, b) => a.x - b.x);
    table = [el("thead", {}, el("tr", {}, el("th", { scope: "col" }, c.unit === "days" ? "Date" : "Active minute"),
      el("th", { scope: "col" }, c.unit === "days" ? "Session type" : "Event"))),
    el("tbody", {}, marks.map(m => el("tr", {}, el("td", { class: "num" }, m.cells[0]), el("td", {}, m.cells[1]))))];
  } else {
    table = [el("thead", {}, el("tr", {}, [c.labelHeader, ...c.series.map(s => s.name)].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, c.labels.map((label, i) => el("tr", {}, el("th", { scope: "row" }, label),
        c.series.map(s => el("td", { class: "num" }, s.texts[i])))))];
  }
  return el("figure", { class: "chart", id: c.id, "aria-labelledby": c.id + "-title" },
    el("figcaption", { id: c.id + "-title", class: "chart-title" }, c.title,
      c.badge ? [" ", el("span", { class: "badge" }, "Illustrative")] : null),
    plot(spec, c),
    el("details", { class: "chart-data" }, el("summary", {}, "The numbers behind this chart"),
      tableScroll(el("table", { class: "data-table" }, el("caption", { class: "visually-hidden" }, c.title), table))));
}

function sessions(view) {
  const rows = view.sessions.map(s => el("tr", {},
    el("td", {}, s.date), el("td", {}, link(view, s.typePath, s.type)), el("td", { class: "num" }, s.confidence),
    el("td", { class: "num" }, s.activeMinutes), el("td", { class: "num" }, s.prompts),
    el("td", {}, s.signals.map(signal => [el("span", { class: "chip" }, signal), " "]))));
  return el("section", { "aria-labelledby": "mix" },
    el("h2", { id: "mix" }, "Your sessions"),
    chart(view.mix),
    view.overTime ? chart(view.overTime) : [],
    tableScroll(el("table", { class: "data-table sessions" },
      el("caption", {}, "Every session read, oldest first (no prompt text, paths or names)"),
      el("thead", {}, el("tr", {}, ["Date", "Session type", "Confidence", "Active minutes", "Prompts", "Key signals"]
        .map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows))),
    view.minutesEstimated ? el("p", { class: "note minutes-estimated" }, "≈: the log records no time on its events, "
      + "so its active minutes are estimated from its prompts and tool calls.") : [],
    view.anyUncertain ? el("p", { class: "note uncertain-types" }, "(uncertain): the session's type was given with a "
      + "probability under " + format.percent(UNCERTAIN_BELOW) + "; on real sessions such types match careful "
      + "readers' reading less often than the rest do (a personas site's method page gives the figures).") : [],
    trendPart(view),
    el("p", { class: "note" }, "Claude Code deletes session transcripts older than thirty days by default (the ",
      el("code", {}, "cleanupPeriodDays"), " setting), so older work is missing from these results."));
}

function signatureMoves(view) {
  const template = document.getElementById("finder-persona-" + view.persona.slug);
  const part = name => {
    const node = template === null ? null : template.content.querySelector(`[data-part="${name}"]`);
    return node === null ? [] : [...node.cloneNode(true).childNodes];
  };
  return el("section", { class: "prose", "aria-labelledby": "moves" },
    el("h2", { id: "moves" }, "Signature moves"), part("signature-moves"),
    el("h2", { id: "blind-spot" }, "Blind spot"), part("blind-spot"));
}

// The moves the person's numbers chose (deeper figures), else the persona's authored defaults.
function borrows(view) {
  const moves = view.depth ? view.depth.moves : view.persona.borrows.map(b => ({ ...b, path: b.path.substring(1) }));
  if (moves.length === 0) {
    return null;
  }
  return el("section", { class: "borrow", "aria-labelledby": "borrow-title" },
    el("h2", { id: "borrow-title" }, "What to try next"),
    el("ul", { class: "cards" }, moves.map(b => el("li", { class: "card" },
      el("h3", {}, "From ", link(view, b.path, b.name)),
      view.depth ? el("p", { class: "move-about" }, b.rate) : null, el("p", {}, b.move)))));
}

// The questions the person's numbers chose, else the persona's first three.
function reflection(view) {
  const asks = view.depth ? view.depth.questions : view.persona.reflection.slice(0, 3).map(q => q.ask);
  if (asks.length === 0) {
    return null;
  }
  return el("section", { class: "prose", "aria-labelledby": "reflect" },
    el("h2", { id: "reflect" }, "Questions to ask yourself"),
    el("ul", {}, asks.map(q => el("li", {}, q))));
}
