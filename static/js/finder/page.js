/*
 * The "Find your persona" page: the finder is in the markup with its inputs disabled (hidden
 * from visitors without JavaScript, who read how to use the command-line tool instead). Once the
 * page has loaded (so that none of it delays the first paint), this fetches /model.json, the
 * modules that draw the results and starts the worker, so that every request the page will ever
 * make is made before the visitor picks a file, and enables the inputs. Starting the worker runs
 * in a task of its own (it alone takes 8 ms, 30 ms on a slow phone), so that no step keeps the
 * page from answering for long. Then it hands picked or
 * dropped files to the worker, shows its progress with a cancel button, and draws the results.
 * The worker is kept for the page's life (cancelling asks it to stop rather than killing it)
 * because starting a new one would fetch its modules again.
 */
const finder = document.getElementById("finder");
const $ = id => document.getElementById(id);
const data = JSON.parse(finder.dataset.finder);
const base = finder.dataset.base;
const sample = finder.dataset.sample === "true";
// The bundled sample's model, as the build names it: a build too small to fit publishes that model.
const bundledModel = finder.dataset.bundledModel;
const inputs = [$("finder-files"), $("finder-folder")];
let modelJson = null;
let running = false;
let download = null;
let worker = null;
// From render.js and classify.js, imported with the model.
let render, view, el, meJson;

// Set here, not in the markup: webkitdirectory is not HTML, though every current browser has it.
$("finder-folder").webkitdirectory = true;

const modelUrl = finder.dataset.model;
if (!modelUrl) {
  say("This site was built without a model, so the finder cannot run here. Use the command-line tool described below.");
} else if (document.readyState === "complete") {
  load();
} else {
  window.addEventListener("load", load, { once: true });
}

// The model and the modules that draw the results are asked for first; the worker starts in a task of its own.
// (Not in an idle callback: headless Chromium ran those only at their timeout, a second or two late.)
function load() {
  const model = fetch(modelUrl).then(response => {
    if (!response.ok) {
      throw new Error("this site publishes no model.json (HTTP " + response.status + ")");
    }
    return response.json();
  });
  const drawing = Promise.all([import("./render.js"), import("./classify.js")]).then(([rendering, classify]) => {
    ({ render, view, el } = rendering);
    meJson = classify.meJson;
  });
  const workerReady = new Promise(resolve => setTimeout(resolve, 0)).then(startWorker);
  Promise.all([model, workerReady, drawing]).then(([loaded]) => {
    modelJson = loaded;
    inputs.forEach(input => {
      input.disabled = false;
    });
    say(null);
    finder.dataset.ready = "true";
  }, e => say("The finder cannot run here: " + e.message + ". Use the command-line tool described below."));
}

/** Starts the worker; kept once it has loaded its modules and said so. */
function startWorker() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("error", event => say("The reader could not start (" + event.message + "); use the command-line tool described below."));
  worker.addEventListener("message", onMessage);
  return new Promise(resolve => {
    worker.addEventListener("message", function ready(event) {
      if (event.data.type === "ready") {
        worker.removeEventListener("message", ready);
        resolve();
      }
    });
  });
}

function onMessage(event) {
  const m = event.data;
  switch (m.type) {
    case "progress": progress(m); break;
    case "done": done(m.result, m.report); break;
    case "cancelled": finish(); say("Cancelled: nothing was kept."); break;
    case "failed": finish(); say("Reading failed: " + m.message); break;
    default:
  }
}

inputs.forEach(input => input.addEventListener("change", () => {
  const entries = entriesOf(input.files);
  input.value = ""; // picking the same files again is a new read
  start(entries);
}));
$("finder-cancel").addEventListener("click", () => worker.postMessage({ type: "cancel" }));
const drop = $("finder-drop");
drop.addEventListener("dragover", event => {
  event.preventDefault();
  drop.classList.add("drop-active");
});
drop.addEventListener("dragleave", () => drop.classList.remove("drop-active"));
drop.addEventListener("drop", event => {
  event.preventDefault();
  drop.classList.remove("drop-active");
  dropped(event.dataTransfer).then(start, e => say("The dropped files could not be opened (" + e.message + ")."));
});

/** {file, path}: the path below what was picked ("projects/<project>/<id>.jsonl") or the name. */
function entriesOf(files) {
  return [...files].map(file => ({ file, path: file.webkitRelativePath || file.name }));
}

// Dropped folders are walked with the entries API; paths keep the folder names, as a picked folder's do.
async function dropped(transfer) {
  const entries = [];
  const walk = async entry => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      entries.push({ file, path: entry.fullPath.replace(/^\//, "") });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) {
          break;
        }
        for (const child of batch) {
          await walk(child);
        }
      }
    }
  };
  const roots = [...transfer.items].map(item => (item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
  if (roots.every(root => root === null)) {
    return entriesOf(transfer.files);
  }
  for (const root of roots) {
    if (root !== null) {
      await walk(root);
    }
  }
  return entries;
}

function start(entries) {
  if (modelJson === null || running || entries.length === 0) {
    return;
  }
  running = true;
  $("finder-result").hidden = true;
  $("finder-skips").hidden = true;
  $("finder-progress").hidden = false;
  $("finder-bar").value = 0;
  $("finder-status").textContent = "Starting…";
  finder.dataset.state = "reading";
  say(null);
  worker.postMessage({ type: "read", model: modelJson, entries });
}

function progress(m) {
  $("finder-bar").value = m.total === 0 ? 1 : m.done / m.total;
  $("finder-status").textContent = "Read " + megabytes(m.done) + " of " + megabytes(m.total) + ", "
    + m.sessions + (m.sessions === 1 ? " session" : " sessions");
  finder.dataset.progress = String(Number(finder.dataset.progress || 0) + 1);
}

function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1) + " MB";
}

function finish() {
  running = false;
  $("finder-progress").hidden = true;
  finder.dataset.state = "idle";
}

function done(result, report) {
  finish();
  skips(report);
  if (result === null) {
    say("No sessions found in the " + report.files + (report.files === 1 ? " file" : " files")
      + " given: pick the .jsonl files under ~/.claude/projects or ~/.codex/sessions.");
    return;
  }
  say("Read " + report.sessions + (report.sessions === 1 ? " session" : " sessions") + " from "
    + report.logs + (report.logs === 1 ? " log" : " logs") + " in " + (report.millis / 1000).toFixed(1) + " s"
    + (report.unknown > 0 ? "; " + report.unknown + " files that are not .jsonl logs were left out" : "") + ".");
  const population = result.modelFingerprint === bundledModel
    ? "Compared with the population of the bundled synthetic sample: its shares and medians are illustrative, not the study's."
    : "Compared with the population of this site's model, whose dataset fingerprint starts "
      + result.modelFingerprint.substring(0, 12) + ".";
  const container = $("finder-result");
  render(container, view(result, data, base, sample, population));
  const text = meJson(result);
  if (download !== null) {
    URL.revokeObjectURL(download);
  }
  download = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  container.prepend(el("p", { class: "finder-export" }, link(download, "Save these results as me.json"),
    " (features and labels only) to publish them from a fork with ",
    el("code", {}, "personas build --me me.json"), "."));
  container.dataset.meJson = text;
  container.dataset.millis = String(report.millis);
  container.dataset.sortMillis = String(report.sortMillis);
  container.hidden = false;
  finder.dataset.state = "done";
}

function link(href, text) {
  return el("a", { href, download: "me.json", id: "finder-download" }, text);
}

// The CLI's summary line, shown whenever it says more than "skipped nothing" (skips, empty
// session files, repaired lines), with every skipped line or file located below it.
function skips(report) {
  if (report.summary === "skipped nothing") {
    return;
  }
  $("finder-skip-summary").textContent = "While reading: " + report.summary + ".";
  const more = report.skipCount - report.skips.length;
  $("finder-skip-list").replaceChildren(...report.skips.map(line => el("li", {}, el("code", {}, line))),
    ...(more > 0 ? [el("li", {}, "… and " + more + " more")] : []));
  $("finder-skip-list").parentElement.hidden = report.skips.length === 0;
  $("finder-skips").hidden = false;
}

function say(text) {
  const message = $("finder-message");
  message.textContent = text === null ? "" : text;
  message.hidden = text === null;
}
