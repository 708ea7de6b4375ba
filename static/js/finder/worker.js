/*
 * The finder's Web Worker (a module worker): reads the visitor's files, builds sessions,
 * computes their features and classifies them against the model the page passed in, so the
 * page never freezes. It makes no request of its own: the files come as File objects, the
 * model as parsed JSON. Messages in: {type: "read", model, entries: [{file, path}]} and
 * {type: "cancel"}. Out: "ready", "progress" (bytes, files, sessions), "done" (result,
 * report), "cancelled", "failed".
 */
import * as lines from "./lines.js";
import { ReadReport } from "./common.js";
import { readClaude, Head } from "./claude.js";
import { readCodex } from "./codex.js";
import { extract } from "./features.js";
import { analyse, checkModel } from "./classify.js";
import { depth } from "./depth.js";

const SNIFF_LINES = 20;
const PROGRESS_EVERY_MS = 100;
let cancelled = false;
let busy = false;

self.onmessage = message => {
  const data = message.data;
  if (data.type === "cancel") {
    cancelled = true;
  } else if (data.type === "read" && !busy) {
    busy = true;
    cancelled = false;
    run(data.model, data.entries).finally(() => {
      busy = false;
    });
  }
};

async function run(model, entries) {
  const started = performance.now();
  try {
    const problem = checkModel(model);
    if (problem !== null) {
      self.postMessage({ type: "failed", message: problem + "; reload the page, or use the command-line tool." });
      return;
    }
    const report = new ReadReport();
    const progress = new Progress(entries);
    const options = { cancelled: () => cancelled, onBytes: n => progress.bytes(n) };
    const { claude, codex, unknown } = await sort(entries, report, options);
    const sorted = performance.now();
    const read = [];
    const sink = session => {
      read.push({ id: session.id, start: session.start, values: extract(session) });
      progress.session();
    };
    await readClaude(claude, sink, report, options);
    await readCodex(codex, sink, report, options);
    progress.finish();
    const summary = {
      summary: report.summary("they are listed below"), skipCount: report.skipCount,
      lineSkipCount: report.lineSkipCount, skips: report.skips.slice(0, 200).map(ReadReport.format),
      files: entries.length, logs: claude.length + codex.length, unknown, bytes: progress.total,
      sessions: read.length, millis: Math.round(performance.now() - started),
      sortMillis: Math.round(sorted - started)
    };
    if (read.length === 0) {
      self.postMessage({ type: "done", result: null, report: summary });
      return;
    }
    const result = analyse(model, read);
    result.depth = depth(model, result); // as MeAnalyzer: the deeper figures join the result
    self.postMessage({ type: "done", result, report: summary });
  } catch (e) {
    if (e instanceof lines.Cancelled) {
      self.postMessage({ type: "cancelled" });
    } else {
      self.postMessage({ type: "failed", message: String(e && e.stack ? e.stack : e) });
    }
  }
}

/**
 * Which reader each file needs (SourceFormat.detect): its path first (.codex/sessions,
 * rollout-*.jsonl, .claude/projects, a session's subagents/ folder), else its first 20 lines ({timestamp, type, payload} is
 * Codex, a Claude envelope or a line of Entire's transcript of a Claude Code session is Claude Code). Files that are not .jsonl logs are left out and
 * counted; a log of neither kind is reported. The same look at a Claude Code file also reads
 * its head (first timestamp and session id, within 50 lines) for the reader, so each file is
 * opened twice, not three times: opening a file costs the browser more than its first lines.
 */
async function sort(entries, report, options) {
  const claude = [];
  const codex = [];
  let unknown = 0;
  for (const entry of entries) {
    const path = entry.path;
    const name = path.substring(path.lastIndexOf("/") + 1);
    if (!lines.isJsonl(path)) {
      unknown++;
    } else if (path.includes(".codex/sessions") || path.includes(".codex/archived_sessions") || name.startsWith("rollout-")) {
      codex.push(entry);
    } else if (path.includes(".claude/projects") || /(^|\/)subagents\//.test(path)) {
      // Under <session>/subagents/ lie Claude Code's subagent transcripts and a workflow's
      // journal.jsonl (no conversation, no session): the Claude reader sorts them out.
      claude.push(entry);
    } else {
      let found = null;
      let parsed = null;
      let sessionMetaId = null; // CodexCopies.sessionId, from the same look at the first line
      let entireAgent = null; // SourceFormat.entireAgent: the agent an Entire transcript names
      // Looked at for its prompt's id too, which ClaudeCodeReader.gatherCopies reads to link an
      // Entire transcript to its session's log.
      const head = new Head(true);
      await lines.peek(entry, Head.LINES, {
        parse(o) {
          parsed = o;
        },
        accept(lineNumber) {
          if (lineNumber === 1 && parsed.type === "session_meta" && parsed.payload !== null
              && typeof parsed.payload === "object" && typeof parsed.payload.id === "string") {
            sessionMetaId = parsed.payload.id;
          }
          if (entireAgent === null && lineNumber <= SNIFF_LINES && "v" in parsed && typeof parsed.agent === "string") {
            entireAgent = parsed.agent;
          }
          if (found === null && lineNumber <= SNIFF_LINES) {
            found = "payload" in parsed ? "codex"
              : ["sessionId", "parentUuid", "isSidechain", "leafUuid", "uuid"].some(k => k in parsed)
                || "v" in parsed && parsed.agent === "claude-code" ? "claude" : null;
          }
          head.add(parsed);
          return true;
        }
      }, linesRead => found === "codex" || found === "claude" && head.complete()
        || found === null && linesRead >= SNIFF_LINES, { cancelled: options.cancelled });
      if (found === "codex") {
        codex.push({ ...entry, sessionMetaId });
      } else if (found === "claude") {
        claude.push({ ...entry, head: head.value() });
      } else if (entireAgent !== null) {
        report.skip(path, 0, "an Entire transcript of " + entireAgent
          + "'s session (of Entire's transcripts, only Claude Code's are read), skipped");
      } else {
        report.skip(path, 0, "neither a Claude Code nor a Codex log (no line looks like either), skipped");
      }
    }
  }
  return { claude, codex, unknown };
}

/** Progress by bytes read, sent at most every 100 ms. */
class Progress {
  constructor(entries) {
    this.total = entries.reduce((sum, e) => sum + e.file.size, 0);
    this.done = 0;
    this.sessions = 0;
    this.last = 0;
  }

  bytes(n) {
    this.done += n;
    this.send(false);
  }

  session() {
    this.sessions++;
    this.send(false);
  }

  finish() {
    this.done = this.total;
    this.send(true);
  }

  send(force) {
    const now = performance.now();
    if (force || now - this.last >= PROGRESS_EVERY_MS) {
      this.last = now;
      self.postMessage({ type: "progress", done: Math.min(this.done, this.total), total: this.total,
        sessions: this.sessions });
    }
  }
}

self.postMessage({ type: "ready" });
