/*
 * Draws every <canvas data-chart="{...}"> of the page with Chart.js. The JSON comes from the
 * build; this file only styles it. Colours are the site's CSS custom properties, read at draw
 * time, so light and dark mode both work; charts are redrawn when the colour scheme changes. No
 * animation: screenshots are stable. The numbers are also in a <table> beside each chart, the
 * text alternative.
 *
 * Chart.js (about 70 KB compressed, and as long again to run on a phone) is not on the path to
 * the first paint: this script loads it (from the URL in its data-chartjs attribute) only when a
 * chart comes near the screen, and draws each chart in a task of its own as it does. (The
 * finder's results are drawn without Chart.js, by static/js/finder/plot.js.)
 */
(function () {
  "use strict";

  // Filled shapes only: thin ones (cross, star) vanish at small sizes. Shape and colour both
  // tell kinds apart, so colour is never the only cue.
  var POINT_STYLES = ["circle", "rect", "triangle", "rectRot", "rectRounded"];

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function palette() {
    var colours = [];
    for (var i = 1; i <= 6; i++) {
      colours[i] = css("--chart-" + i);
    }
    return colours;
  }

  function formatter(unit) {
    switch (unit) {
      case "percent": return function (v) { return v.toFixed(1) + " %"; };
      case "signed": return function (v) { return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + Math.abs(v).toFixed(1); };
      case "minutes": return function (v) { return v.toFixed(1) + " min"; };
      case "days": return function (v) { return "day " + Math.round(v); };
      default: return function (v) { return String(Math.round(v * 100) / 100); };
    }
  }

  function tickFormatter(unit) {
    switch (unit) {
      case "percent": return function (v) { return v + " %"; };
      case "signed": return function (v) { return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + Math.abs(v); };
      default: return function (v) { return v; };
    }
  }

  // Long category names wrap onto several lines on narrow charts instead of being cut off.
  function wrapper(canvas) {
    return function (value) {
      var label = String(this.getLabelForValue(value));
      var width = canvas.parentElement.clientWidth;
      var max = width < 640 ? 16 : 40;
      if (label.length <= max) {
        return label;
      }
      var lines = [], line = "";
      label.split(" ").forEach(function (word) {
        if (line && (line + " " + word).length > max) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + " " + word : word;
        }
      });
      lines.push(line);
      return lines;
    };
  }

  function barConfig(spec, colours, base, canvas) {
    var format = formatter(spec.unit);
    return {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s) {
          return {
            label: s.name,
            data: s.values,
            backgroundColor: colours[s.colour],
            borderWidth: 0,
            borderRadius: 3,
            maxBarThickness: 26
          };
        })
      },
      options: Object.assign(base, {
        indexAxis: "y",
        scales: {
          x: {
            beginAtZero: true,
            suggestedMax: spec.unit === "percent" ? 10 : undefined,
            grid: { color: css("--border") },
            border: { color: css("--border") },
            ticks: { color: css("--muted"), callback: tickFormatter(spec.unit) }
          },
          y: {
            grid: { display: false },
            border: { color: css("--border") },
            ticks: { color: css("--text"), autoSkip: false, callback: wrapper(canvas) }
          }
        },
        plugins: {
          legend: {
            display: spec.series.length > 1,
            position: "bottom",
            labels: { color: css("--text"), boxWidth: 14, boxHeight: 14 }
          },
          tooltip: {
            callbacks: {
              label: function (item) { return item.dataset.label + ": " + format(item.parsed.x); }
            }
          }
        }
      })
    };
  }

  function timelineConfig(spec, colours, base, canvas) {
    var format = formatter(spec.unit);
    var xTitle = spec.unit === "days" ? "Days since the first session" : "Active minutes since the session began";
    return {
      type: "scatter",
      data: {
        datasets: spec.series.map(function (s, i) {
          return {
            label: s.name,
            data: s.points,
            backgroundColor: colours[s.colour],
            borderColor: colours[s.colour],
            pointStyle: POINT_STYLES[i % POINT_STYLES.length],
            pointRadius: 5,
            pointHoverRadius: 7,
            clip: false
          };
        })
      },
      options: Object.assign(base, {
        scales: {
          x: {
            type: "linear",
            min: 0,
            title: { display: true, text: xTitle, color: css("--muted") },
            grid: { color: css("--border") },
            border: { color: css("--border") },
            ticks: { color: css("--muted") }
          },
          y: {
            type: "category",
            labels: spec.labels,
            offset: true,
            grid: { color: css("--border") },
            border: { color: css("--border") },
            ticks: { color: css("--text"), callback: wrapper(canvas) }
          }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (item) { return item.dataset.label + " at " + format(item.parsed.x); }
            }
          }
        }
      })
    };
  }

  // Bars need room per label; a timeline per lane. The box's height is set here because the
  // pages' CSP forbids style attributes.
  function height(spec) {
    if (spec.kind === "timeline") {
      return spec.labels.length * 36 + 80;
    }
    var perLabel = spec.series.length * 20 + 24;
    return spec.labels.length * perLabel + (spec.series.length > 1 ? 90 : 50);
  }

  var script = document.currentScript;
  var loading = null;

  function loadChartJs() {
    if (loading === null) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = script.getAttribute("data-chartjs");
        tag.onload = resolve;
        tag.onerror = function () {
          reject(new Error("Chart.js did not load: the tables beside each chart still hold the numbers."));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function drawOne(canvas) {
    var previous = Chart.getChart(canvas);
    if (previous) {
      previous.destroy();
    }
    var colours = palette();
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 13;
    Chart.defaults.color = css("--text");
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var base = { animation: false, responsive: true, maintainAspectRatio: false, events: ["mousemove", "mouseout", "click", "touchstart", "touchmove"] };
    var config = spec.kind === "timeline" ? timelineConfig(spec, colours, base, canvas) : barConfig(spec, colours, base, canvas);
    new Chart(canvas, config);
    canvas.setAttribute("data-drawn", "true");
  }

  // Each chart in a task of its own, so that no single task keeps the page from answering.
  function drawEach(canvases) {
    return loadChartJs().then(function () {
      return canvases.reduce(function (previous, canvas) {
        return previous.then(function () {
          return new Promise(function (resolve) {
            setTimeout(function () {
              drawOne(canvas);
              resolve();
            }, 0);
          });
        });
      }, Promise.resolve());
    });
  }

  // The box's height is set before anything is drawn, so that a chart drawn later moves nothing.
  function sized(canvases) {
    canvases.forEach(function (canvas) {
      canvas.parentElement.style.height = height(JSON.parse(canvas.getAttribute("data-chart"))) + "px";
    });
    return canvases;
  }

  function start() {
    var canvases = sized(Array.from(document.querySelectorAll("canvas[data-chart]")));
    var near = new IntersectionObserver(function (entries) {
      var seen = entries.filter(function (entry) { return entry.isIntersecting; }).map(function (entry) {
        near.unobserve(entry.target);
        return entry.target;
      });
      if (seen.length > 0) {
        drawEach(seen);
      }
    }, { rootMargin: "200px 0px" });
    canvases.forEach(function (canvas) { near.observe(canvas); });

    var scheme = window.matchMedia("(prefers-color-scheme: dark)");
    if (scheme.addEventListener) {
      scheme.addEventListener("change", function () {
        drawEach(Array.from(document.querySelectorAll("canvas[data-drawn]")));
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
