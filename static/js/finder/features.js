/*
 * Every feature of the catalogue for one session, ported from dev.personas.features:
 * FeatureExtractor (what counts where: main thread or subagents too), ToolClasses and
 * ToolUses (what a tool call did, paired with its result), Timing (active and wall time,
 * pauses before prompts). The values come out in the catalogue order of the model file and
 * equal the Java ones (the browser test checks every fixture session within 1e-9).
 */
import { Kind, isTypedPrompt, recordsNoTime } from "./common.js";
import { javaRegex, strip, isBlank } from "./java.js";
import { readPrompt, specMarkers, isPlanHandoff, pointsAtPlan, sameError, citesConventionFile, jaccard } from "./prompts.js";
import { parse, program, isTestRun, reviewsDiff, commitsAndPullRequests, gitSubcommand } from "./shell.js";
import { FEATURES, median } from "./catalogue.js";

const R = String.raw;

const F = Object.fromEntries(FEATURES.map((key, i) => [key, i]));

const LOOK_BACK = 50;
const NEAR_IDENTICAL = 0.8;
const CORRECTION_MAX_CHARS = 200;
const INIT = javaRegex(R`^\s*(?:<command-name>)?/?init\b`);
const IDLE_MILLIS = 30 * 60 * 1000;

/** FeatureExtractor.extract: the features of one session, in catalogue order. */
export function extract(session) {
  const v = new Array(FEATURES.length).fill(0);
  const main = session.events;
  const subagents = session.subagentEvents;
  const prompts = main.filter(e => isTypedPrompt(e.kind)).map(e => (e.text !== null ? e.text : ""));
  const mainCalls = toolUses(main);
  const subCalls = toolUses(subagents);
  const facts = prompts.map(readPrompt);
  promptShape(main, prompts, v);
  promptSignals(facts, v);
  steering(main, mainCalls, facts, v);
  toolMix(mainCalls, subCalls, prompts.length, v);
  testsAndEnding(main, subagents, mainCalls, subCalls, v);
  workflow(main, subagents, facts, mainCalls, subCalls, v);
  time(session, prompts.length, mainCalls.length, v);
  tokens(main, subagents, v);
  return v;
}

function promptShape(main, prompts, v) {
  const lengths = [];
  for (const e of main) {
    if (isTypedPrompt(e.kind)) {
      lengths.push(e.text !== null ? e.text.length : e.textLength);
    }
  }
  const first = prompts.length === 0 ? "" : prompts[0];
  v[F.prompts] = prompts.length;
  v[F.slash_commands] = main.filter(e => e.kind === Kind.SLASH_COMMAND && !isHousekeeping(e)).length;
  v[F.first_prompt_chars] = lengths.length === 0 ? 0 : lengths[0];
  v[F.median_prompt_chars] = median(lengths);
  v[F.spec_markers] = specMarkers(first);
  // The plan may come after a word of set-up ("codex completion", then "build plan.md phase 3"),
  // or be named in what was typed after a command (spec-kit's /implement "do tasks T012 - T016").
  const pointed = firstAsks(main, 2).some(pointsAtPlan);
  v[F.plan_handoff] = isPlanHandoff(first) || pointed ? 1 : 0;
}

/** FeatureExtractor.firstAsks: what was typed for the first n asks (prompts, and commands run with arguments). */
function firstAsks(main, n) {
  return main.filter(e => isTypedPrompt(e.kind)
      || e.kind === Kind.SLASH_COMMAND && !isHousekeeping(e) && e.text !== null && !isBlank(e.text)).slice(0, n)
    .map(e => (e.text !== null ? e.text : ""));
}

function promptSignals(prompts, v) {
  let repastes = 0;
  let repeats = 0;
  let vague = 0;
  let pointers = 0;
  let questions = 0;
  let pasted = 0;
  const errors = [];
  const shingles = [];
  for (const prompt of prompts) {
    const signature = prompt.errorSignature;
    if (signature.size > 0) {
      if (errors.some(earlier => sameError(signature, earlier))) {
        repastes++;
      }
      keepLast(errors, signature);
    }
    const own = prompt.shingles;
    if (shingles.some(earlier => nearIdentical(own, earlier))) {
      repeats++;
    }
    keepLast(shingles, own);
    vague += prompt.vagueFixRequest ? 1 : 0;
    pointers += prompt.specificPointer ? 1 : 0;
    questions += prompt.question ? 1 : 0;
    pasted += prompt.pastedOutput ? 1 : 0;
  }
  v[F.error_repastes] = repastes;
  v[F.repeated_prompts] = repeats;
  v[F.vague_fix_requests] = vague;
  v[F.specific_pointers] = pointers;
  v[F.question_share] = share(questions, prompts.length);
  v[F.pasted_output] = pasted;
}

// FeatureExtractor.steering: a correction is a short prompt right after an edit that neither asks a
// question nor only moves the agent along.
function steering(main, calls, facts, v) {
  const editedBefore = new Set();
  let planMode = countKind(main, Kind.PLAN_MODE);
  for (const call of calls) {
    if (call.edit) {
      editedBefore.add(call.promptsBefore);
    }
    planMode += isPlanModeTool(call) ? 1 : 0;
  }
  let corrections = 0;
  let prompt = 0;
  for (const e of main) {
    if (isTypedPrompt(e.kind)) {
      const length = e.text !== null ? strip(e.text).length : e.textLength;
      const typed = facts[prompt];
      if (editedBefore.has(prompt) && length < CORRECTION_MAX_CHARS && !typed.question && !typed.goOn) {
        corrections++;
      }
      prompt++;
    }
  }
  v[F.corrections] = corrections;
  v[F.interrupts] = countKind(main, Kind.INTERRUPT);
  v[F.plan_mode] = planMode;
}

function toolMix(main, subagents, prompts, v) {
  let readsBeforeWrite = 0;
  for (const call of main) {
    if (call.edit) {
      break;
    }
    readsBeforeWrite += call.read ? 1 : 0;
  }
  let edits = 0;
  let proseEdits = 0;
  let shell = 0;
  let reads = 0;
  let web = 0;
  const names = new Set();
  for (const calls of [main, subagents]) {
    for (const call of calls) {
      edits += call.edit ? 1 : 0;
      proseEdits += call.edit && isProseFile(call.path) ? 1 : 0;
      shell += call.shell ? 1 : 0;
      reads += call.read ? 1 : 0;
      web += call.web ? 1 : 0;
      names.add(call.event.toolName !== null ? call.event.toolName : call.event.kind.toLowerCase());
    }
  }
  const calls = main.length + subagents.length;
  v[F.edit_iterations] = edits;
  v[F.doc_edits] = proseEdits;
  v[F.reads_before_first_write] = readsBeforeWrite;
  v[F.tool_calls_per_prompt] = main.length / Math.max(1, prompts);
  v[F.distinct_tools] = names.size;
  v[F.shell_share] = share(shell, calls);
  v[F.read_share] = share(reads, calls);
  v[F.web_lookups] = web;
}

function testsAndEnding(main, subagents, mainCalls, subCalls, v) {
  let runs = 0;
  let failed = 0;
  let lastMainRun = null;
  let lastSubRun = null;
  for (const call of mainCalls) {
    if (call.testRun) {
      runs++;
      failed += failedCall(call) ? 1 : 0;
      lastMainRun = call;
    }
  }
  for (const call of subCalls) {
    if (call.testRun) {
      runs++;
      failed += failedCall(call) ? 1 : 0;
      lastSubRun = call;
    }
  }
  const lastRun = lastMainRun !== null ? lastMainRun : lastSubRun;
  let lastResult = null;
  for (const e of main) {
    if (e.kind === Kind.TOOL_RESULT) {
      lastResult = e;
    }
  }
  const endedOnError = lastResult !== null && lastResult.isError || lastRun !== null && failedCall(lastRun);
  v[F.test_runs] = runs;
  v[F.failed_test_runs] = failed;
  v[F.tool_errors] = errorCount(main) + errorCount(subagents);
  v[F.ended_after_error] = endedOnError ? 1 : 0;
  v[F.tests_pass_at_end] = lastRun !== null && lastRun.result !== null && !lastRun.result.isError ? 1 : 0;
}

function workflow(main, subagents, prompts, mainCalls, subCalls, v) {
  let subagentCalls = 0;
  let todos = 0;
  let setup = 0;
  let commits = 0;
  for (const calls of [mainCalls, subCalls]) {
    for (const call of calls) {
      const e = call.event;
      subagentCalls += isSubagentStart(call) ? 1 : 0;
      todos += TODO.has(call.name) ? 1 : 0;
      // Writing the conventions down sets the table; the agent reading them on its own does not.
      setup += call.edit && (citesConventionFile(call.path)
        || (!call.shell || call.path === null) && citesConventionFile(e.command)) ? 1 : 0;
      commits += call.commits;
    }
  }
  for (const e of main) {
    setup += e.kind === Kind.SLASH_COMMAND && isInit(e) ? 1 : 0;
  }
  for (const prompt of prompts) {
    setup += prompt.citesConventionFile ? 1 : 0;
  }
  v[F.subagent_calls] = subagentCalls;
  v[F.todo_lists] = todos;
  v[F.setup_actions] = setup;
  v[F.diff_review_at_end] = reviewsDiffAtEnd(mainCalls) ? 1 : 0;
  v[F.agent_commits] = commits;
  v[F.compactions] = countKind(main, Kind.COMPACTION) + countKind(subagents, Kind.COMPACTION);
  v[F.api_errors] = countKind(main, Kind.API_ERROR) + countKind(subagents, Kind.API_ERROR);
}

/**
 * Timing.ESTIMATE_*: when no event records a time, ln(1 + active minutes) is estimated as
 * INTERCEPT + PER_ASK * ln(1 + asks) + PER_CALL * ln(1 + main-thread tool calls).
 */
const ESTIMATE_INTERCEPT = -0.16;
const ESTIMATE_PER_ASK = 0.77;
const ESTIMATE_PER_CALL = 0.48;

/** FeatureExtractor.time: a session with no time on any event has its active time estimated. */
function time(session, prompts, mainCalls, v) {
  const stamps = [];
  for (const stream of [session.events, session.subagentEvents]) {
    for (const e of stream) {
      if (e.at !== null) {
        stamps.push(e.at.ms);
      }
    }
  }
  stamps.sort((a, b) => a - b);
  let active = 0;
  for (let i = 1; i < stamps.length; i++) {
    const gap = stamps[i] - stamps[i - 1];
    if (gap <= IDLE_MILLIS) {
      active += gap;
    }
  }
  const pauses = medianPauses(session.events, prompts);
  // With no timestamp found, only a session without events can still be a timed one.
  v[F.active_minutes] = stamps.length === 0 && recordsNoTime(session)
    ? Math.max(0, Math.expm1(ESTIMATE_INTERCEPT + ESTIMATE_PER_ASK * Math.log1p(v[F.prompts] + v[F.slash_commands])
      + ESTIMATE_PER_CALL * Math.log1p(mainCalls)))
    : active / 60000;
  v[F.wall_minutes] = stamps.length < 2 ? 0 : (stamps[stamps.length - 1] - stamps[0]) / 60000;
  v[F.median_pause_seconds] = pauses[0];
  v[F.late_pause_seconds] = pauses[1];
}

/** Timing.medianPauses: over all prompts after the first, and over the last third by index. */
function medianPauses(main, promptCount) {
  const lateFrom = promptCount - Math.trunc((promptCount + 2) / 3);
  const all = [];
  const late = [];
  let index = -1;
  let previous = null;
  for (const e of main) {
    if (isTypedPrompt(e.kind)) {
      index++;
      if (index > 0 && e.at !== null && previous !== null) {
        const gap = e.at.ms - previous;
        if (gap >= 0 && gap <= IDLE_MILLIS) {
          all.push(gap / 1000);
          if (index >= lateFrom) {
            late.push(gap / 1000);
          }
        }
      }
    }
    if (e.at !== null && e.kind !== Kind.INJECTED) {
      previous = e.at.ms;
    }
  }
  return [median(all), median(late)];
}

function tokens(main, subagents, v) {
  let input = 0;
  let output = 0;
  for (const stream of [main, subagents]) {
    for (const e of stream) {
      input += e.inputTokens;
      output += e.outputTokens;
    }
  }
  v[F.input_tokens] = input;
  v[F.output_tokens] = output;
}

function reviewsDiffAtEnd(main) {
  const window = Math.max(1, Math.trunc((main.length + 4) / 5));
  for (let i = Math.max(0, main.length - window); i < main.length; i++) {
    if (main[i].diffReview) {
      return true;
    }
  }
  return false;
}

function isInit(e) {
  return [e.text, e.toolName, e.command].some(s => s !== null && INIT.test(s));
}

function nearIdentical(a, b) {
  const small = Math.min(a.length, b.length);
  const large = Math.max(a.length, b.length);
  return small >= NEAR_IDENTICAL * large && jaccard(a, b) >= NEAR_IDENTICAL;
}

function keepLast(window, item) {
  window.push(item);
  if (window.length > LOOK_BACK) {
    window.shift();
  }
}

// HousekeepingCommands: the client's own commands that look after the session.
const HOUSEKEEPING = new Set(["/exit", "/quit", "/clear", "/compact", "/model", "/login", "/logout", "/status", "/cost",
  "/usage", "/help", "/config", "/settings", "/doctor", "/resume", "/permissions", "/theme", "/vim", "/terminal-setup",
  "/ide", "/mcp", "/context", "/statusline", "/rate-limit-options", "/release-notes", "/upgrade", "/bug", "/feedback",
  "/privacy-settings", "/output-style", "/hooks", "/export", "/add-dir", "/todos", "/rewind", "/sandbox", "/plugin",
  "/approvals", "/diff", "/mention", "/new", "/stats",
  "/rename", "/remote-control", "/copy", "/effort", "/keybindings", "/voice", "/skills",
  "/reload-plugins", "/fast", "/extra-usage", "/bashes", "/chrome", "/teleport",
  "/desktop", "/mobile", "/install-slack-app", "/migrate-installer", "/experimental", "/fork",
  "/ps", "/personality", "/debug-config"]);

function isHousekeeping(e) {
  return e.kind === Kind.SLASH_COMMAND && e.toolName !== null && e.toolName !== undefined
    && HOUSEKEEPING.has(e.toolName.trim().toLowerCase());
}

function countKind(events, kind) {
  let n = 0;
  for (const e of events) {
    n += e.kind === kind ? 1 : 0;
  }
  return n;
}

function errorCount(events) {
  let n = 0;
  for (const e of events) {
    n += e.kind === Kind.TOOL_RESULT && e.isError ? 1 : 0;
  }
  return n;
}

function failedCall(call) {
  return call.result !== null && call.result.isError;
}

function share(part, whole) {
  return whole === 0 ? 0 : part / whole;
}

// ToolClasses.
const EDIT = new Set(["edit", "multiedit", "write", "notebookedit", "apply_patch", "write_file", "edit_file",
  "create_file", "str_replace_editor", "replace", "write_to_file"]);
const READ = new Set(["read", "grep", "glob", "ls", "notebookread", "read_file", "list_dir", "list_directory", "list_files", "grep_files",
  "search", "file_search", "find", "codebase_search", "view_image", "read_many_files", "search_file_content",
  "grep_search", "find_files"]);
const WEB = new Set(["websearch", "webfetch", "web_search", "web_fetch", "web_search_preview", "web.run",
  "google_web_search"]);
const SHELL = new Set(["bash", "shell", "exec_command", "local_shell", "container.exec", "shell_command",
  "run_shell_command", "run_terminal_cmd", "execute_command"]);
const TODO = new Set(["todowrite", "todo_write", "update_plan", "taskcreate", "taskupdate", "write_todos"]);
const SUBAGENT = new Set(["task", "agent", "spawn_agent"]);
const PLAN = new Set(["enterplanmode", "exitplanmode"]);
const READ_PROGRAMS = new Set(["cat", "head", "tail", "less", "more", "ls", "tree", "find", "fd", "grep", "egrep",
  "fgrep", "rg", "ag", "ack", "nl", "wc", "stat", "file", "pwd", "bat", "du", "realpath", "readlink", "diff", "jq",
  "awk", "sed"]);
const READ_GIT = new Set(["log", "show", "diff", "status", "grep", "blame", "ls-files", "branch"]);
const MCP_WEB = javaRegex(R`.*(web|fetch|brave|tavily|exa|perplexity|firecrawl|context7|browser|playwright|puppeteer).*`, "M");
const MCP_READ = javaRegex(R`(?:read|get|list|search|find|query|view|show|fetch|lookup|describe|resolve)(?:[_-].*)?`
  + R`|.*_(?:read|get|list|search|find|query|view|show|fetch|lookup|describe)(?:_.*)?`, "M");
const WRITE_VERBS = "create|update|write|edit|patch|delete|add|insert|replace|remove|upsert|rename|move";
const MCP_WRITE = javaRegex(`(?:${WRITE_VERBS})(?:[_-].*)?|.*_(?:${WRITE_VERBS}|autofix)(?:_.*)?`, "M");

// AsciiDoc and reStructuredText are documentation sites' sources, the product: not notes (ToolClasses).
const PROSE_EXTENSIONS = [".md", ".mdx", ".markdown", ".txt", ".org"];

/** ToolClasses.isProseFile: specs, plans, notes and docs, by the file's extension. */
function isProseFile(path) {
  if (path === null || path === undefined) {
    return false;
  }
  const lower = path.toLowerCase();
  return PROSE_EXTENSIONS.some(extension => lower.endsWith(extension));
}

function isToolCall(e) {
  return e.kind === Kind.TOOL_CALL || e.kind === Kind.SUBAGENT_CALL || e.kind === Kind.PLAN_MODE && e.toolName !== null;
}

function isWeb(name) {
  return WEB.has(name) || name.startsWith("mcp__") && MCP_WEB.test(mcpServer(name));
}

function isRead(name, commands) {
  return READ.has(name) || isWeb(name) || name.startsWith("mcp__") && MCP_READ.test(mcpMethod(name))
    || isReadOnlyShell(commands);
}

function isSubagentStart(call) {
  return call.event.kind === Kind.SUBAGENT_CALL || call.event.kind === Kind.TOOL_CALL && SUBAGENT.has(call.name);
}

function isPlanModeTool(call) {
  return call.event.kind === Kind.TOOL_CALL && PLAN.has(call.name);
}

function isReadOnlyShell(commands) {
  let read = false;
  for (const words of commands) {
    const p = program(words);
    if (p === "cd" || p === "true" || p === "echo" && read) {
      continue;
    }
    if (!readOnly(p, words)) {
      return false;
    }
    read = true;
  }
  return read;
}

function readOnly(p, words) {
  if (p === "git") {
    const sub = gitSubcommand(words);
    return sub < words.length && READ_GIT.has(words[sub]);
  }
  if (!READ_PROGRAMS.has(p)) {
    return false;
  }
  switch (p) {
    case "sed": return words.includes("-n") && !words.some(w => w.startsWith("-i"));
    case "find": return !words.some(w => w === "-delete" || w.startsWith("-exec"));
    case "awk": return !words.some(w => w.includes("system(") || w.includes(">"));
    default: return true;
  }
}

function mcpServer(name) {
  const end = name.indexOf("__", 5);
  return end < 0 ? name.substring(5) : name.substring(5, end);
}

function mcpMethod(name) {
  const end = name.indexOf("__", 5);
  return end < 0 ? "" : name.substring(end + 2);
}

/** ToolCall.of: what one call did, classified once. */
function toolCall(event, result, promptsBefore) {
  const name = event.toolName === null ? "" : event.toolName.toLowerCase();
  const line = parse(event.command);
  const commands = line.commands;
  const editTool = EDIT.has(name) || commands.some(words => {
    const p = program(words);
    return p === "apply_patch" || p === "applypatch";
  }) || name.startsWith("mcp__") && MCP_WRITE.test(mcpMethod(name));
  const shell = !editTool && (SHELL.has(name) || event.command !== null);
  const read = !line.writesFiles && isRead(name, commands);
  const commits = commitsAndPullRequests(commands)
    + (name.startsWith("mcp__") && mcpMethod(name).includes("create_pull_request") ? 1 : 0);
  const path = event.filePath !== null && event.filePath !== undefined ? event.filePath : line.writtenFile;
  return { event, name, result, promptsBefore, edit: editTool || line.writesFiles, path, shell, read, web: isWeb(name),
    testRun: isTestRun(commands), diffReview: reviewsDiff(commands), commits };
}

const NAME_SEARCH_LIMIT = 64;

/** ToolUses.of: the tool calls of a stream in order, each with the result that answered it. */
function toolUses(events) {
  const calls = [];
  const results = [];
  const promptsBefore = [];
  let pending = [];
  let prompts = 0;
  for (const e of events) {
    if (isToolCall(e)) {
      pending.push(calls.length);
      calls.push(e);
      results.push(null);
      promptsBefore.push(prompts);
    } else if (e.kind === Kind.TOOL_RESULT && pending.length > 0) {
      results[answered(pending, calls, e)] = e;
    } else if (isTypedPrompt(e.kind)) {
      prompts++;
      if (e.kind === Kind.PROMPT) {
        pending = [];
      }
    }
  }
  return calls.map((call, i) => toolCall(call, results[i], promptsBefore[i]));
}

function answered(pending, calls, result) {
  if (result.toolName !== null) {
    const limit = Math.min(pending.length, NAME_SEARCH_LIMIT);
    for (let n = 0; n < limit; n++) {
      if (calls[pending[n]].toolName === result.toolName) {
        return pending.splice(n, 1)[0];
      }
    }
  }
  return pending.shift();
}
