/*
 * Draws the finder's charts with DOM nodes and CSS (site.css, "Finder charts"), not Chart.js:
 * a chart the visitor's results need is a handful of boxes, and Chart.js cost the page 70 KB
 * and 40 ms of its main thread (160 ms on Lighthouse's slow phone) before a file was picked.
 * Horizontal bars, grouped by label, each with its number as the table beside it prints it;
 * a timeline is one lane per label with a mark per point, shape and colour telling the series
 * apart. Positions are percentages of the axis, so a chart needs no redraw when the page is
 * resized or its colour scheme changes. Text is set with textContent; widths and positions
 * through the CSSOM, which the security policy (style-src 'self') allows, unlike style
 * attributes.
 */

/** Filled shapes, as charts.js's point styles: shape and colour both tell series apart. */
const SHAPES = ["circle", "square", "triangle", "diamond", "rounded"];

function div(className, text = null) {
  const node = document.createElement("div");
  node.className = className;
  if (text !== null) {
    node.textContent = text;
  }
  return node;
}

/** A step of 1, 2, 2.5 or 5 times a power of ten (whole days: 1, 2, 5, 10…) making about four intervals of {@code span}. */
function niceStep(span, whole) {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = (whole ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]).map(m => m * power).find(s => s >= raw);
  return whole ? Math.max(1, step) : step;
}

function tidy(v) {
  return Math.round(v * 1e9) / 1e9;
}

/**
 * The axis of values from {@code low} to {@code high}: from zero (or below it) to a whole number
 * of steps above the largest value; percentages reach 10 % at least, as on the site's charts.
 */
export function axis(values, unit) {
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values, unit === "percent" ? 10 : 0);
  if (high === low) {
    high = low + 1;
  }
  const step = niceStep(high - low, unit === "days");
  low = tidy(Math.floor(low / step + 1e-9) * step);
  high = tidy(Math.ceil(high / step - 1e-9) * step);
  const ticks = [];
  for (let i = 0; low + i * step <= high + step / 2; i++) {
    ticks.push(tidy(low + i * step));
  }
  return { low, high, ticks, at: v => ((v - low) / (high - low)) * 100 };
}

function tickText(v, unit) {
  return unit === "percent" ? v + " %" : String(v);
}

/** An element of the chart's grid, in row {@code row} (from 1): labels left, the axis's track right. */
function cell(className, row, text = null) {
  const node = div(className, text);
  node.style.gridRow = String(row);
  return node;
}

/** The gridlines across the {@code rows} rows, and their numbers (and the axis's title) below them. */
function scale(a, unit, rows, title) {
  const grid = cell("plot-track plot-grid", "1 / " + (rows + 1));
  const ticks = cell("plot-track plot-ticks", rows + 1);
  a.ticks.forEach(t => {
    const line = div("plot-gridline" + (t === 0 ? " plot-zero" : ""));
    line.style.left = a.at(t) + "%";
    grid.append(line);
    const label = div("plot-tick", tickText(t, unit));
    label.style.left = a.at(t) + "%";
    ticks.append(label);
  });
  return title === null ? [grid, ticks] : [grid, ticks, cell("plot-track plot-axis-title", rows + 2, title)];
}

function bars(spec, c) {
  const a = axis(spec.series.flatMap(s => s.values), spec.unit);
  const parts = [];
  spec.labels.forEach((label, i) => {
    parts.push(cell("plot-label", i + 1, label));
    const group = cell("plot-track plot-group", i + 1);
    spec.series.forEach((s, k) => {
      const line = div("plot-line");
      const v = s.values[i];
      const bar = div("plot-bar plot-c" + s.colour);
      bar.style.left = a.at(Math.min(0, v)) + "%";
      bar.style.width = Math.abs(a.at(v) - a.at(0)) + "%";
      const value = div("plot-value", c.series[k].texts[i]);
      value.style.left = a.at(Math.max(0, v)) + "%";
      line.append(bar, value);
      group.append(line);
    });
    parts.push(group);
  });
  return [...parts, ...scale(a, spec.unit, spec.labels.length, null)];
}

function timeline(spec) {
  const a = axis(spec.series.flatMap(s => s.points.map(p => p.x)), spec.unit);
  const parts = [];
  spec.labels.forEach((label, i) => {
    parts.push(cell("plot-label", i + 1, label));
    const lane = cell("plot-track plot-lane", i + 1);
    spec.series.forEach((s, k) => s.points.filter(p => p.y === label).forEach(p => {
      const mark = div("plot-mark plot-" + SHAPES[k % SHAPES.length] + " plot-c" + s.colour);
      mark.style.left = a.at(p.x) + "%";
      lane.append(mark);
    }));
    parts.push(lane);
  });
  const title = spec.unit === "days" ? "Days since the first session" : "Active minutes since the session began";
  return [...parts, ...scale(a, spec.unit, spec.labels.length, title)];
}

function legend(spec) {
  const list = document.createElement("ul");
  list.className = "plot-legend";
  spec.series.forEach(s => {
    const item = document.createElement("li");
    const key = div("plot-key plot-c" + s.colour);
    item.append(key, document.createTextNode(s.name));
    list.append(item);
  });
  return list;
}

/**
 * The chart of {@code spec} (what templates/charts.peb writes into a canvas's data-chart, which
 * this element carries too) as an image whose text alternative is {@code c.summary}; {@code c}
 * is the chart's view, whose texts label the bars as its table prints them.
 */
export function plot(spec, c) {
  const root = div("plot " + (spec.kind === "timeline" ? "plot-timeline" : "plot-bars"));
  root.setAttribute("data-chart", JSON.stringify(spec));
  root.setAttribute("role", "img");
  root.setAttribute("aria-label", c.summary);
  const area = div("plot-area");
  area.append(...(spec.kind === "timeline" ? timeline(spec) : bars(spec, c)));
  root.append(area);
  // A timeline's lanes are its series, named on the left, as on the site's charts.
  if (spec.kind === "bar" && spec.series.length > 1) {
    root.append(legend(spec));
  }
  return root;
}
