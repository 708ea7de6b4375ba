/*
 * The deeper sections of the visitor's results, drawn as templates/me.peb draws them from
 * dev.personas.site.PersonalDepthView: the persona map (PersonaMapSvg, built here with SVG DOM
 * nodes and classes, as the security policy forbids style attributes), the fit, the shadow and
 * its axis, three traits and the outcomes (charts plot.js draws), the trend,
 * the moves to borrow, the reflection questions the numbers chose, and the share card
 * (PersonalCard). Numbers come from depth.js; every authored word from the page's data-finder
 * JSON, which the build renders from content/personas (PersonalAuthored). Text is set with
 * textContent: nothing is parsed as markup.
 */
import * as format from "./format.js";
import { PERSONAS, TYPES } from "./classify.js";
import { anchor, compareDouble } from "./depth.js";
import { el, chart } from "./render.js";

const SVG = "http://www.w3.org/2000/svg";
const THIS = 1;
const POPULATION = 2;
const PERSONA_COLOUR = 3;
let cardUrl = null;

/**
 * PersonalDepthView.of: what the deeper sections print. {@code words}: the data-finder JSON;
 * {@code persona}: the result's persona slug.
 */
export function depthView(depth, persona, words, sample) {
  const name = slug => words.personas.find(p => p.slug === slug).name;
  const rate = (key, field) => words.rates.find(r => r.key === key).words[field];
  const isShare = key => rate(key, "unit").startsWith("share");
  const shadow = depth.shadow.persona;
  const mapSummary = "Persona map: the six personas with a pattern on the corners of a hexagon, the Multi-Mode "
    + "Journeyman at its centre; each of the population's " + depth.map.population.length
    + " persons is a faint dot, you are the marked point, pulled towards each persona by its score.";
  const authored = words.personas.find(p => p.slug === persona);
  return {
    map: depth.map, persona, shadow, mapSummary,
    mapRows: PERSONAS.map((p, i) => [name(p), format.percent(depth.map.scores[i])]),
    fitWord: depth.fit.word,
    fitLine: fitLine(depth.fit, persona, name),
    shadowName: name(shadow),
    shadowPath: "personas/" + shadow + "/",
    shadowLine: "Your shadow is " + name(shadow) + ", the persona that scores next after " + name(persona) + ": "
      + format.percent(depth.shadow.score) + " against " + format.percent(depth.shadow.personaScore) + ".",
    axisName: depth.shadow.axis.kind === "type" ? typeName(words, depth.shadow.axis.key) + " sessions"
      : rate(depth.shadow.axis.key, "name"),
    axisLine: axisLine(depth.shadow.axis, name(persona), name(shadow), words, rate, isShare),
    traits: depth.traits.map(t => trait(t, depth.measures.find(m => m.rate === t.rate), name(persona), rate, isShare,
      sample)),
    outcomes: outcomes(depth.outcomes, name(persona), sample),
    moves: depth.moves.map(m => ({ name: name(m.from), path: "personas/" + m.from + "/", rate: rate(m.rate, "name"),
      move: words.personas.find(p => p.slug === m.from).moves[m.rate] })),
    questions: questions(authored.reflection, depth.measures),
    trend: trend(depth.trend, words),
    // A contrast is marked as the page heads it, lest it read as contradicting the tagline.
    cardTraits: depth.traits.map(t => (t.role === "contrast" ? "Contrast: " : "") + traitName(t, rate)),
    card: { site: words.site, name: name(persona), tagline: authored.tagline }
  };
}

function typeName(words, slug) {
  return words.types.find(t => t.slug === slug).name;
}

function fitLine(fit, persona, name) {
  const best = name(fit.best);
  const scores = " (" + best + " " + format.percent(fit.bestScore) + ", " + name(fit.second) + " "
    + format.percent(fit.secondScore) + ")";
  const journeyman = persona === "multi-mode-journeyman";
  switch (fit.word) {
    case "decisive":
      return "Decisive: " + name(persona) + " explains your sessions far better than any other persona" + scores + ".";
    case "borderline":
      return "Borderline: the two closest personas score almost alike" + scores
        + (journeyman ? ", so no single pattern is in charge." : "; more sessions will settle it.");
    default:
      return journeyman && fit.best !== persona
        ? "Typical of a Journeyman: " + best + " fits best, but not by the model's margin for a decisive call" + scores
          + ", so no single pattern is in charge."
        : "Typical: " + best + " fits best, but not by the model's margin for a decisive call" + scores + ".";
  }
}

function axisLine(axis, persona, shadow, words, rate, isShare) {
  const toward = axis.pull >= 0 ? persona : shadow;
  // String.format("%.1f") rounds the shortest decimal form half up, as format.round does.
  const pull = " Of everything the model weighs, this pulls hardest between the two, towards " + toward + " ("
    + format.round(Math.abs(axis.pull), 1).toFixed(1) + " in log-odds).";
  if (axis.kind === "type") {
    const type = typeName(words, axis.key);
    return "The model pictures " + persona + " with " + format.percent(axis.persona) + " of sessions " + type + " and "
      + shadow + " with " + format.percent(axis.shadow) + "; " + format.percent(axis.yours) + " of yours are " + type
      + " (" + format.percent(axis.everyone) + " of everyone's)." + pull;
  }
  const share = isShare(axis.key);
  return persona + " " + stance(axis.persona) + "; " + shadow + " " + stance(axis.shadow) + ". Yours is "
    + value(axis.yours, share) + " against a median of " + value(axis.everyone, share) + "." + pull;
}

function stance(sign) {
  return sign > 0 ? "lies above most people on it" : sign < 0 ? "lies below most people on it" : "takes no stance on it";
}

function value(v, share) {
  return share ? format.percent(v) : format.number(v);
}

// Format.numberValue: the number a chart plots, rounded as Format.number prints it.
function numberValue(v) {
  if (v === Math.round(v)) {
    return v;
  }
  return Math.abs(v) >= 10 ? format.round(v, 1) : format.round(v, 2);
}

function plotted(v, share) {
  return share ? format.percentValue(v) : numberValue(v);
}

function most(persona) {
  return "Most " + persona.replace(/^The /, "") + "s";
}

/** PersonalDepthView.traitName: the trait in the words of the way the person lies. */
function traitName(t, rate) {
  return rate(t.rate, t.above ? "card_higher" : "card_lower");
}

function trait(t, m, persona, rate, isShare, sample) {
  const name = rate(t.rate, "name");
  const share = isShare(t.rate);
  const series = [{ name: "You", colour: THIS, values: [plotted(m.yours, share)], texts: [value(m.yours, share)] }];
  if (m.persona !== null) {
    series.push({ name: most(persona), colour: PERSONA_COLOUR, values: [plotted(m.persona, share)],
      texts: [value(m.persona, share)] });
  }
  series.push({ name: "Everyone (median)", colour: POPULATION, values: [plotted(m.everyone, share)],
    texts: [value(m.everyone, share)] });
  const line = t.role === "strength" ? rate(t.rate, t.above ? "higher" : "lower")
    : "Unlike " + (m.persona !== null ? "most " + persona.replace(/^The /, "") + "s" : "most people")
      + ", you lie " + (t.above ? "above" : "below") + " them on " + name.toLowerCase() + ": " + value(m.yours, share)
      + " against " + value(m.persona !== null ? m.persona : m.everyone, share) + ".";
  return { name: traitName(t, rate), role: t.role, line,
    chart: { id: "chart-trait-" + t.rate.replaceAll("_", "-"), kind: "bar", title: name + " (" + rate(t.rate, "unit") + ")",
      summary: "Bar chart: your " + name.toLowerCase() + " next to your persona's median and everyone's.",
      unit: share ? "percent" : "number", labelHeader: "Rate", labels: [name], badge: sample, series } };
}

function outcomes(row, persona, sample) {
  const series = [];
  const add = (name, colour, e) => {
    const shares = [e.agentCommit, e.testsPassing, e.afterError];
    series.push({ name, colour, values: shares.map(format.percentValue), texts: shares.map(format.percent) });
  };
  add("Your sessions", THIS, row.you);
  if (row.persona !== null) {
    add("Sessions of " + persona.replace(/^The /, "") + "s", PERSONA_COLOUR, row.persona);
  }
  add("Everyone's sessions", POPULATION, row.everyone);
  return { id: "chart-outcomes", kind: "bar", title: "How sessions end, as the logs show it",
    summary: "Grouped bar chart: the share of sessions ending with an agent commit, with passing tests and after an "
      + "error, for you, your persona and everyone.", unit: "percent", labelHeader: "Ending",
    labels: ["Ended with a commit or pull request by the agent", "Last test run passed", "Ended after an error"],
    badge: sample, series };
}

/**
 * PersonalDepthView.questions: a question about a rate scores the person's z on it (negated
 * when asked for those lying lower), an untagged one 0; highest first, ties in authored order.
 * Double.compare's order, where −0 comes before +0, decides between an untagged question and
 * one asked of those lying lower with z = 0, as in Java.
 */
export function questions(pool, measures) {
  const scored = pool.map((q, order) => {
    const m = measures.find(x => x.rate === q.about);
    const z = m === undefined ? 0 : m.z;
    return { order, score: q.about === "" ? 0 : q.higher ? z : -z, ask: q.ask };
  });
  scored.sort((a, b) => compareDouble(-a.score, -b.score) || a.order - b.order);
  return scored.slice(0, 3).map(s => s.ask);
}

function trend(months, words) {
  if (months.length === 0) {
    return null;
  }
  const series = [];
  TYPES.forEach((t, i) => {
    if (!months.some(m => m.types[i] > 0)) {
      return;
    }
    series.push({ name: typeName(words, t), colour: i % 6 + 1,
      values: months.map(m => (m.sessions === 0 ? 0 : format.percentValue(m.types[i] / m.sessions))),
      texts: months.map(m => m.types[i] + (m.sessions === 0 ? "" : " (" + format.percent(m.types[i] / m.sessions) + ")")) });
  });
  return { id: "chart-trend", kind: "bar", title: "Your mix of session types, month by month",
    summary: "Grouped bar chart: for each month of your logs, the share of that month's sessions in each session type.",
    unit: "percent", labelHeader: "Month", labels: months.map(m => m.month), badge: false, series };
}

// --- drawing

function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, val] of Object.entries(attributes)) {
    node.setAttribute(name, String(val));
  }
  if (text !== null) {
    node.textContent = text;
  }
  return node;
}

// PersonaMapSvg.n: three decimals as String.format prints them, never "-0.000".
function n(v) {
  const text = format.round(v, 3).toFixed(3);
  return text === "-0.000" ? "0.000" : text;
}

/** PersonaMapSvg.svg: the hexagon, the population's faint dots, every persona's corner, you. */
export function mapSvg(d, names) {
  const root = svg("svg", { class: "persona-map", viewBox: "-2.1 -1.3 4.2 2.6", role: "img",
    "aria-labelledby": "persona-map-title" });
  root.append(svg("title", { id: "persona-map-title" }, d.mapSummary));
  const corners = PERSONAS.filter(p => p !== "multi-mode-journeyman").map(p => anchor(p))
    .map(a => n(a[0]) + "," + n(-a[1])).join(" ");
  root.append(svg("polygon", { class: "map-frame", points: corners }));
  const population = svg("g", { class: "map-population" });
  d.map.population.forEach(p => population.append(svg("circle", { cx: n(p[0]), cy: n(-p[1]), r: "0.022" })));
  root.append(population);
  PERSONAS.forEach((p, i) => {
    const a = anchor(p);
    const kind = p === d.persona ? " map-yours" : p === d.shadow ? " map-shadow" : "";
    root.append(svg("circle", { class: "map-anchor" + kind, cx: n(a[0]), cy: n(-a[1]), r: "0.035" }));
    const lx = a[0] * 1.12;
    const ly = p === "multi-mode-journeyman" ? 0.13 : -a[1] * 1.12 + (a[1] < -0.1 ? 0.09 : a[1] > 0.9 ? -0.02 : 0.03);
    const side = a[0] > 0.1 ? "start" : a[0] < -0.1 ? "end" : "middle";
    root.append(svg("text", { class: "map-label" + kind, x: n(lx), y: n(ly), "text-anchor": side },
      names[i].replace(/^The /, "")));
  });
  const you = d.map.you;
  root.append(svg("circle", { class: "map-you", cx: n(you[0]), cy: n(-you[1]), r: "0.06" }));
  root.append(svg("text", { class: "map-you-label", x: n(you[0] + 0.09), y: n(-you[1] - 0.07) }, "You"));
  return root;
}

function tableScroll(table) {
  return el("div", { class: "table-scroll", tabindex: "0", role: "group",
    "aria-label": "Table (scrolls sideways when it does not fit)" }, table);
}

function link(base, path, text) {
  return el("a", { href: base + path }, text);
}

/** The map, shadow, traits and outcomes sections (me.peb's first deeper block), in order. */
export function depthSections(view) {
  const d = view.depth;
  if (!d) {
    return [];
  }
  const names = PERSONAS.map(p => view.personaName(p));
  return [
    el("section", { class: "depth-map", "aria-labelledby": "map-title" },
      el("h2", { id: "map-title" }, "Where you sit among the seven personas"),
      el("p", { class: "fit fit-" + d.fitWord }, el("strong", {}, d.fitLine)),
      el("figure", { class: "map-figure" }, mapSvg(d, names),
        el("figcaption", {}, "Each persona pulls your point towards its corner by its score; the faint dots are the population's people, placed the same way.")),
      el("details", { class: "chart-data" }, el("summary", {}, "Your score for each persona"),
        tableScroll(el("table", { class: "data-table map-scores" },
          el("caption", { class: "visually-hidden" }, "Your score for each persona"),
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Persona"), el("th", { scope: "col" }, "Score"))),
          el("tbody", {}, d.mapRows.map(r => el("tr", {}, el("th", { scope: "row" }, r[0]), el("td", { class: "num" }, r[1])))))))),
    el("section", { class: "shadow", "aria-labelledby": "shadow-title" },
      el("h2", { id: "shadow-title" }, "Your shadow: ", link(view.base, d.shadowPath, d.shadowName)),
      el("p", {}, d.shadowLine),
      el("p", { class: "axis" }, el("strong", {}, "What separates the two: " + d.axisName + "."), " " + d.axisLine)),
    el("section", { class: "traits", "aria-labelledby": "traits-title" },
      el("h2", { id: "traits-title" }, "Three defining traits"),
      el("p", {}, "The behaviour rates where you stand out most: two strengths, where you lie farthest from everyone on your persona's side, and one contrast, where you differ most from your persona's own people."),
      d.traits.map(t => el("div", { class: "trait trait-" + t.role },
        el("h3", {}, (t.role === "strength" ? "Strength" : "Contrast") + ": " + t.name),
        el("p", {}, t.line), chart(t.chart)))),
    el("section", { class: "outcomes", "aria-labelledby": "outcomes-title" },
      el("h2", { id: "outcomes-title" }, "How your sessions end"),
      el("p", {}, "What the logs show at the end of each session: whether the agent committed or opened a pull request, whether the last test run passed, whether it ended on an error. These are traces in the logs, not a measure of the quality of the work."),
      chart(d.outcomes))
  ];
}

/** The trend under the sessions table, when the logs span more than four weeks. */
export function trendPart(view) {
  if (!view.depth || view.depth.trend === null) {
    return null;
  }
  return [el("h3", { id: "trend" }, "How your mix changed"), chart(view.depth.trend)];
}

/** PersonalCard.svg as SVG nodes: the site, the persona's name and tagline, the three traits; nothing else. */
/** CardDrawing.fit: the largest size up to `size` at which `text` fits `width` pixels, by rule of thumb. */
function fit(text, size, width) {
  const length = Math.max(1, [...text].length);
  return Math.max(12, Math.min(size, Math.floor(width / (0.62 * length))));
}

export function card(c, traits) {
  const root = svg("svg", { xmlns: SVG, width: "1200", height: "630", viewBox: "0 0 1200 630", role: "img",
    "aria-label": "My coding persona: " + c.name + ". " + c.tagline + " " + traits.join(". ") + "." });
  root.append(svg("rect", { width: "100%", height: "100%", fill: "#0f1217" }));
  root.append(svg("rect", { x: "0", y: "0", width: "24", height: "100%", fill: "#8ab4f8" }));
  const text = (x, y, fill, size, bold, content) => {
    const node = svg("text", { x, y, fill, "font-family": "system-ui, sans-serif", "font-size": size }, content);
    if (bold) {
      node.setAttribute("font-weight", "700");
    }
    root.append(node);
  };
  text(96, 110, "#aab2bf", 30, false, c.site + " \u00b7 my coding persona");
  text(96, 210, "#ffffff", fit(c.name, 72, 1200 - 96 - 48), true, c.name);
  let y = 280;
  for (const line of wrap(c.tagline, 60, 2)) {
    text(96, y, "#e6e9ef", 32, false, line);
    y += 44;
  }
  y = Math.max(y + 40, 420);
  for (const t of traits) {
    root.append(svg("circle", { cx: "110", cy: String(y - 10), r: "8", fill: "#8ab4f8" }));
    text(136, y, "#e6e9ef", 32, false, t);
    y += 56;
  }
  return root;
}

// ShareCardRenderer.wrap: words to lines of at most width characters, cut with an ellipsis past max.
function wrap(text, width, max) {
  let lines = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = "";
    }
    line += (line.length === 0 ? "" : " ") + word;
  }
  if (line.length > 0) {
    lines.push(line);
  }
  if (lines.length > max) {
    lines = lines.slice(0, max);
    lines[max - 1] += "\u2026";
  }
  return lines;
}

/**
 * The share section: the card drawn in the page (an inline SVG, which the security policy
 * allows where an image from a blob: address is not) and offered as card.svg from memory.
 */
export function shareSection(view) {
  const d = view.depth;
  if (!d) {
    return null;
  }
  const drawn = card(d.card, d.cardTraits);
  const file = new XMLSerializer().serializeToString(card(d.card, d.cardTraits)) + "\n";
  const drawnLabel = "Share card: " + d.card.name + ". " + d.card.tagline + " " + d.cardTraits.map(t => t + ". ").join("");
  drawn.setAttribute("class", "share-card");
  drawn.setAttribute("width", "600");
  drawn.setAttribute("height", "315");
  drawn.setAttribute("aria-label", drawnLabel.trim());
  if (cardUrl !== null) {
    URL.revokeObjectURL(cardUrl);
  }
  cardUrl = URL.createObjectURL(new Blob([file], { type: "image/svg+xml" }));
  const href = cardUrl;
  return el("section", { class: "share", "aria-labelledby": "share-title", "data-card": file },
    el("h2", { id: "share-title" }, "Your share card"),
    el("p", {}, "Your persona, its tagline and your three traits, with nothing from your logs: ",
      el("a", { href, download: "card.svg", id: "finder-card" }, "open the card (SVG)"), "."),
    drawn);
}
