/*
 * Codex CLI rollouts (~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl), ported from
 * dev.personas.load.codex: CodexLine (the fields of a {timestamp, type, payload} line, and the
 * envelope-less lines of early 2025), CodexSessionBuilder (each prompt counted once of its two
 * copies, cumulative token totals turned into deltas, a forked session's replay of its parent
 * dropped) and CodexReader (files in path order, oldest first). The Java classes are the
 * reference; comments there say why.
 */
import * as lines from "./lines.js";
import { Kind, event, promptEvent, parseTimestamp, compareInstants, SeenKeys, hash, inTimeOrder } from "./common.js";
import { strip, stripLeading, javaRegex, isLetter, isLetterOrDigit, isWhitespace } from "./java.js";
import { tokenCount } from "./claude.js";

const EXIT_CODE = javaRegex(String.raw`(?:exit code:?|exited with code)\s*(-?\d+)`, "i");
/** CodexSessionBuilder.FAILED_WITHOUT_EXIT_CODE: Codex's words for a call that failed with no exit code. */
const FAILED_WITHOUT_EXIT_CODE = new RegExp("^(?:apply_patch verification failed"
  + "|error: (?:Failed to find expected lines|invalid hunk|Failed to read file)|exec_command failed"
  + "|failed in sandbox|write_stdin failed|execution error|aborted by user|exec command rejected"
  + "|patch rejected by user|Wall time: [^\\n]*\\naborted by user)");
const PATCH_FILE = javaRegex(String.raw`\*\*\* (?:Update|Add|Delete) File: ([^\r\n]+)`);
/** CodexLine.OUTPUT_HEAD: how much of an output written as content parts is kept. */
const OUTPUT_HEAD = 1000;
const ITEM_TYPES = new Set(["message", "function_call", "function_call_output", "custom_tool_call",
  "custom_tool_call_output", "reasoning", "local_shell_call", "web_search_call"]);

function str(v) {
  return typeof v === "string" ? v : null;
}

function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The fields of one rollout line (CodexLine), read from the parsed object in field order. */
export function codexLine(o) {
  const line = { timestamp: null, type: null, hasPayload: false, payloadType: null, id: null, cwd: null,
    forkedFrom: null, subagent: false, spawnedBy: null, role: null, text: "", textLength: 0, name: null, arguments: null, callId: null, input: null,
    output: null, outputLength: -1, message: null, reason: null, hasTotals: false, totalInput: 0, totalOutput: 0 };
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (key === "timestamp") {
      line.timestamp = str(v);
    } else if (key === "type") {
      line.type = str(v);
    } else if (key === "payload") {
      if (isObject(v)) {
        line.hasPayload = true;
        for (const field of Object.keys(v)) {
          if (field === "type") {
            line.payloadType = str(v[field]);
          } else {
            payloadField(line, field, v[field]);
          }
        }
      }
    } else {
      // Rollouts of early 2025 have no envelope: the item's fields sit at the root.
      payloadField(line, key, v);
    }
  }
  if (!line.hasPayload) {
    if (line.type !== null && ITEM_TYPES.has(line.type)) {
      line.payloadType = line.type;
      line.type = "response_item";
      line.hasPayload = true;
    } else if (line.type === null && line.id !== null) {
      line.type = "session_meta";
      line.hasPayload = true;
    }
  }
  return line;
}

function payloadField(line, field, v) {
  switch (field) {
    case "id": line.id = str(v); break;
    case "cwd": line.cwd = str(v); break;
    case "forked_from_id": case "forked_from": case "parent_id": case "parent_session_id":
      line.forkedFrom = str(v);
      break;
    case "source":
      // "cli", "vscode", … or, for a rollout Codex started itself, {"subagent": …}; the review the
      // person asked for with /review ({"subagent": "review"}) is theirs (CodexLine).
      line.subagent = isObject(v) && Object.keys(v).includes("subagent") && v.subagent !== "review";
      // A spawned thread names its parent: {"subagent": {"thread_spawn": {"parent_thread_id": …}}}.
      line.spawnedBy = isObject(v) && isObject(v.subagent) && isObject(v.subagent.thread_spawn)
        && typeof v.subagent.thread_spawn.parent_thread_id === "string" ? v.subagent.thread_spawn.parent_thread_id : null;
      break;
    case "role": line.role = str(v); break;
    case "name": line.name = str(v); break;
    case "arguments": line.arguments = str(v); break;
    case "call_id": line.callId = str(v); break;
    case "input": line.input = str(v); break;
    case "output":
      if (Array.isArray(v)) {
        // Content parts (code mode's exec output): the head of their joined text and its whole
        // length (CodexLine.outputParts).
        const joined = v.filter(isObject).map((part) => typeof part.text === "string" ? part.text : "").join("");
        line.output = joined.substring(0, OUTPUT_HEAD);
        line.outputLength = Math.min(joined.length, 2147483647);
      } else {
        line.output = str(v);
      }
      break;
    case "message": line.message = str(v); break;
    case "reason": line.reason = str(v); break;
    case "content": case "summary":
      if (Array.isArray(v)) {
        for (const item of v) {
          if (isObject(item)) {
            for (const k of Object.keys(item)) {
              if (k === "text" && typeof item[k] === "string") {
                line.text = line.text.length > 0 ? line.text + "\n" + item[k] : item[k];
                line.textLength += item[k].length;
              }
            }
          }
        }
      }
      break;
    case "info":
      if (isObject(v)) {
        for (const k of Object.keys(v)) {
          const usage = v[k];
          if (k === "total_token_usage" && isObject(usage)) {
            line.hasTotals = true;
            for (const u of Object.keys(usage)) {
              if (u === "input_tokens") {
                line.totalInput = tokenCount(usage[u]);
              } else if (u === "output_tokens") {
                line.totalOutput = tokenCount(usage[u]);
              }
            }
          }
        }
      }
      break;
    default:
  }
}

/** CodexSessionBuilder.classify: text Codex puts in user messages itself. */
export function classifyCodexText(text) {
  const s = stripLeading(text);
  if (s.startsWith("<user_shell_command>")) {
    return Kind.BASH_MODE;
  }
  if (s.startsWith("<environment_context>") || s.startsWith("<user_instructions>")
      || s.startsWith("# AGENTS.md instructions") || s.startsWith("<permissions instructions>")
      || s.startsWith("<turn_aborted>") || s.startsWith("<user_action>")
      || s.startsWith("<INSTRUCTIONS>") || s.startsWith("<environment")
      || s.startsWith("<skill>") || s.startsWith("<recommended_plugins>")
      || s.startsWith("Warning: apply_patch was requested via ")) {
    return Kind.INJECTED;
  }
  return Kind.PROMPT;
}

const USER_INPUT = "## User Input";
const AGENT_ACTIVATION = "<agent-activation";
const IDE_REQUEST = "## My request for Codex:";
/** CodexSessionBuilder.INIT_PROMPT: the prompt Codex's /init writes. */
const INIT_PROMPT = "Generate a file named AGENTS.md that serves as a contributor guide for this repository.";
/** CodexSessionBuilder.REVIEW_PRESETS: the prompts Codex's /review writes for a chosen target. */
const REVIEW_PRESETS = [
  "Review the current code changes (staged, unstaged, and untracked files)",
  "Review the code changes against the base branch '",
  "Review the code changes introduced by commit "
];

/** CodexSessionBuilder.expansionArguments: typed arguments of a custom prompt expansion ("" when not written out), or null. */
export function expansionArguments(text) {
  const s = stripLeading(text);
  if (s.startsWith(INIT_PROMPT)) {
    return "/init";
  }
  const input = s.startsWith(USER_INPUT) ? 0 : s.indexOf("\n" + USER_INPUT);
  if (input >= 0) {
    const fence = s.indexOf("```", input);
    const open = fence < 0 ? -1 : s.indexOf("\n", fence);
    const close = open < 0 ? -1 : s.indexOf("\n```", open);
    if (close >= 0) {
      return strip(s.substring(open + 1, close));
    }
  }
  const end = s.startsWith("---\n") ? s.indexOf("\n---", 3) : -1;
  const frontMatter = end > 0 && s.substring(0, end).includes("\ndescription:");
  const commandHeading = s.length > 3 && s.startsWith("# /") && isLetter(s[3]);
  const agentActivation = s.includes(AGENT_ACTIVATION);
  const reviewPreset = REVIEW_PRESETS.some((preset) => s.startsWith(preset));
  return frontMatter || commandHeading || agentActivation || reviewPreset ? "" : null;
}

/** CodexSessionBuilder.ideRequest: the typed request of an IDE extension prompt. */
export function ideRequest(text) {
  if (!stripLeading(text).startsWith("# Context from my IDE setup:")) {
    return text;
  }
  const at = text.indexOf(IDE_REQUEST);
  return at < 0 ? text : strip(text.substring(at + IDE_REQUEST.length));
}

/** CodexSessionBuilder.patchFile: the file a patch touches first, or null. */
export function patchFile(patch) {
  const m = PATCH_FILE.exec(patch);
  return m === null ? null : strip(m[1]);
}

/*
 * CodeModeScript: the tool calls inside one script of Codex's code mode (an `exec` call whose
 * input is JavaScript calling tools.NAME(…)). The Java class is the reference.
 */
const SCRIPT_EXIT_CODE = javaRegex(String.raw`(?:"exit_code"\s*:|exit code:?|exited with code)\s*(-?\d+)`, "i");

/** CodeModeScript.calls: {name, command, patch} of each call, in the order written. */
export function codeModeCalls(script) {
  const tokens = scriptTokens(script);
  const calls = [];
  for (let i = 0; i + 3 < tokens.length; i++) {
    const member = i > 0 && isPunct(tokens[i - 1], ".");
    if (member || !isName(tokens[i], "tools") || !isPunct(tokens[i + 1], ".")
        || tokens[i + 2].kind !== "name" || !isPunct(tokens[i + 3], "(")) {
      continue;
    }
    const written = tokens[i + 2].text;
    const close = closing(tokens, i + 3);
    const args = tokens.slice(i + 4, close);
    const cmd = property(args, "cmd");
    const command = cmd !== null ? cmd : property(args, "command");
    const patch = written === "apply_patch" ? scriptPatch(tokens, i, args) : null;
    calls.push({ name: written.startsWith("mcp__") ? written : written.split("__").join("."), command, patch });
  }
  return calls;
}

/** CodeModeScript.failed: whether a script's output says its call at index (of count) failed. */
export function codeModeFailed(output, index, count) {
  if (output.startsWith("Script failed")) {
    return index === count - 1;
  }
  if (count !== 1) {
    return false;
  }
  const m = SCRIPT_EXIT_CODE.exec(output.length > 600 ? output.substring(0, 600) : output);
  if (m === null) {
    return false;
  }
  const code = javaInt(m[1]);
  return code === null || code !== 0;
}

/** CodeModeScript.property: the string value of key: "…" in the object a call is given, not one nested in it. */
function property(args, key) {
  let depth = 0;
  for (let i = 0; i + 2 < args.length; i++) {
    const k = args[i];
    depth += nesting(k);
    if (depth !== 1 || !isPunct(args[i + 1], ":") || args[i + 2].kind !== "string") {
      continue;
    }
    if (k.kind !== "punct" && k.text === key) {
      return args[i + 2].text;
    }
  }
  return null;
}

function nesting(t) {
  if (t.kind !== "punct") {
    return 0;
  }
  const c = t.text;
  return c === "(" || c === "[" || c === "{" ? 1 : c === ")" || c === "]" || c === "}" ? -1 : 0;
}

function scriptPatch(tokens, callAt, args) {
  if (args.length === 0) {
    return null;
  }
  const literal = stringAt(args, 0);
  if (literal !== null || args[0].kind !== "name") {
    return literal;
  }
  const variable = args[0].text;
  for (let i = callAt - 3; i >= 0; i--) {
    if (isName(tokens[i], variable) && isPunct(tokens[i + 1], "=")) {
      return stringAt(tokens, i + 2, callAt);
    }
  }
  return null;
}

/** CodeModeScript.stringAt, among the tokens before limit: after a String.raw tag, the literal as written. */
function stringAt(tokens, at, limit = tokens.length) {
  if (at + 3 < limit && isName(tokens[at], "String") && isPunct(tokens[at + 1], ".")
      && isName(tokens[at + 2], "raw") && tokens[at + 3].kind === "string") {
    return tokens[at + 3].raw;
  }
  return at < limit && tokens[at].kind === "string" ? tokens[at].text : null;
}

function closing(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "punct") {
      continue;
    }
    const c = t.text;
    if (c === "(" || c === "[" || c === "{") {
      depth++;
    } else if ((c === ")" || c === "]" || c === "}") && --depth === 0) {
      return i;
    }
  }
  return tokens.length;
}

function isName(t, name) {
  return t.kind === "name" && t.text === name;
}

function isPunct(t, c) {
  return t.kind === "punct" && t.text === c;
}

function nameStart(c) {
  return c === "_" || c === "$" || isLetter(c);
}

function namePart(c) {
  return c === "_" || c === "$" || isLetterOrDigit(c);
}

function scriptTokens(s) {
  const tokens = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (isWhitespace(s.charCodeAt(i))) {
      i++;
    } else if (c === "/" && i + 1 < n && s[i + 1] === "/") {
      const end = s.indexOf("\n", i);
      i = end < 0 ? n : end + 1;
    } else if (c === "/" && i + 1 < n && s[i + 1] === "*") {
      const end = s.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "\"" || c === "'" || c === "`") {
      const value = [];
      const start = i;
      i = scriptString(s, i, value);
      const closed = i - start >= 2 && s[i - 1] === s[start];
      tokens.push({ kind: "string", text: value.join(""), raw: s.substring(start + 1, closed ? i - 1 : i) });
    } else if (nameStart(c)) {
      const start = i;
      while (i < n && namePart(s[i])) {
        i++;
      }
      tokens.push({ kind: "name", text: s.substring(start, i) });
    } else {
      tokens.push({ kind: "punct", text: c });
      i++;
    }
  }
  return tokens;
}

const SCRIPT_ESCAPES = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\u000B", 0: "\0", "\n": "" };

function scriptString(s, at, value) {
  const quote = s[at];
  let i = at + 1;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === quote) {
      return i + 1;
    }
    if (c === "\n" && quote !== "`") {
      return i;
    }
    if (c !== "\\" || i + 1 >= n) {
      value.push(c);
      i++;
      continue;
    }
    const e = s[i + 1];
    i += 2;
    if (Object.prototype.hasOwnProperty.call(SCRIPT_ESCAPES, e)) {
      value.push(SCRIPT_ESCAPES[e]);
    } else if (e === "\r") {
      i += i < n && s[i] === "\n" ? 1 : 0; // a line continuation, CRLF or CR
    } else if (e === "x") {
      i = hexEscape(s, i, 2, value);
    } else if (e === "u") {
      if (i < n && s[i] === "{") {
        // CodeModeScript.braced: up to six hex digits and a closing brace, else "u" as written.
        const close = s.indexOf("}", i);
        const code = close < 0 || close - i > 7 ? -1 : hexValue(s.substring(i + 1, close));
        if (code < 0 || code > 0x10ffff) {
          value.push("u");
        } else {
          value.push(String.fromCodePoint(code));
          i = close + 1;
        }
      } else {
        i = hexEscape(s, i, 4, value);
      }
    } else {
      value.push(e);
    }
  }
  return n;
}

function hexEscape(s, at, digits, value) {
  const code = at + digits <= s.length ? hexValue(s.substring(at, at + digits)) : -1;
  if (code < 0) {
    value.push(digits === 2 ? "x" : "u");
    return at;
  }
  value.push(String.fromCharCode(code));
  return at + digits;
}

function hexValue(digits) {
  return digits.length >= 1 && digits.length <= 6 && /^[0-9A-Fa-f]+$/.test(digits) ? parseInt(digits, 16) : -1;
}

function between(text, open, close) {
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  return a < 0 || b < a ? null : text.substring(a + open.length, b);
}

/** Duration.between(a, b).toNanos(). */
function nanosBetween(a, b) {
  return (b.ms - a.ms) * 1e6 + (b.sub - a.sub);
}

/** CodexSessionBuilder.SAME_SUBMISSION, in nanoseconds. */
const SAME_SUBMISSION_NANOS = 250e6;

/** Item hashes of every session read in one run, with the session that first had each. */
class Run {
  constructor() {
    this.items = new SeenKeys();
    this.sessionIds = [];
  }
}

class SessionBuilder {
  constructor(run, fallbackId) {
    this.run = run;
    this.fallbackId = fallbackId;
    this.owner = run.sessionIds.length;
    run.sessionIds.push(fallbackId);
    this.events = [];
    this.calls = new Map();
    this.scripts = new Map();
    this.id = null;
    this.cwd = null;
    this.parentId = null;
    this.subagent = false;
    this.spawnedBy = null;
    this.start = null;
    this.end = null;
    this.inPrefix = true;
    this.prefixHasEvidence = false;
    this.prefixParent = null;
    this.twinDue = "";
    this.totalIn = 0;
    this.totalOut = 0;
    this.pendingIn = 0;
    this.pendingOut = 0;
    this.lastAgentEvent = -1;
    this.lastTyped = -1;
    this.lastTypedAt = null;
    this.agentSinceTyped = false;
    this.hashes = [];
    this.held = null;
    this.shownByCopy = null;
    this.joined = false;
  }

  /**
   * CodexSessionBuilder.joinCopy: another copy of the session read on; its items the session
   * holds already (as many times as it holds them) add nothing, the others join.
   */
  joinCopy() {
    if (this.inPrefix) {
      this.endPrefix();
    }
    if (this.held === null) {
      this.held = new Map();
      for (const h of this.hashes) {
        this.held.set(h, (this.held.get(h) || 0) + 1);
      }
      this.hashes = null;
    }
    this.shownByCopy = new Map();
  }

  /** CodexSessionBuilder.startedBySubagent: a sub-agent's rollout that is left out (a guardian's review). */
  startedBySubagent() {
    return this.subagent && this.spawnedBy === null;
  }

  accept(line) {
    // CodexSessionBuilder.accept: a sub-agent's rollout is left out whole, but for a thread the agent
    // spawned, whose work is its parent's.
    if (line.type === null || !line.hasPayload || this.startedBySubagent()) {
      return false;
    }
    const at = parseTimestamp(line.timestamp);
    switch (line.type) {
      case "session_meta":
        if (this.id === null) {
          this.id = line.id;
          this.cwd = line.cwd;
          this.parentId = line.forkedFrom;
          this.subagent = line.subagent;
          this.spawnedBy = line.spawnedBy; // only a sub-agent's source names a spawner
          if (this.id !== null) {
            this.run.sessionIds[this.owner] = this.id;
          }
        }
        return true;
      case "response_item": case "event_msg": case "compacted":
        break;
      default:
        return false;
    }
    const key = `${line.type}\u0000${line.payloadType}\u0000${line.role}\u0000${line.text}\u0000${line.name}\u0000`
      + `${line.arguments}\u0000${line.callId}\u0000${line.input}\u0000${line.output}\u0000${line.message}\u0000`
      + `${line.totalInput}/${line.totalOutput}`;
    const h = hash(key);
    if (this.shownByCopy !== null) {
      // A copy's items the session holds already, as many times as it holds them, add nothing.
      const shown = (this.shownByCopy.get(h) || 0) + 1;
      this.shownByCopy.set(h, shown);
      if (shown <= (this.held.get(h) || 0)) {
        return true;
      }
      this.held.set(h, (this.held.get(h) || 0) + 1);
      this.joined = true;
    } else {
      this.hashes.push(h);
    }
    const firstOwner = this.run.items.addHashIfAbsent(h, this.owner);
    if (this.inPrefix) {
      if (firstOwner >= 0 && firstOwner !== this.owner) {
        this.prefixParent = this.prefixParent === null ? this.run.sessionIds[firstOwner] : this.prefixParent;
        this.prefixHasEvidence = this.prefixHasEvidence || isEvidence(line);
      } else {
        this.endPrefix();
      }
    }
    const size = this.events.length;
    if (line.type === "response_item") {
      this.responseItem(line, at);
    } else if (line.type === "event_msg") {
      this.eventMsg(line, at);
    } else {
      this.events.push(event(Kind.COMPACTION, at, line.message === null ? 0 : line.message.length));
    }
    if (this.events.length > size) {
      this.seen(at);
    }
    return true;
  }

  endPrefix() {
    this.inPrefix = false;
    if (this.prefixHasEvidence) {
      this.events = [];
      this.calls = new Map();
      this.scripts = new Map();
      this.lastAgentEvent = -1;
      this.lastTyped = -1;
      this.pendingIn = 0;
      this.pendingOut = 0;
      this.twinDue = "";
      this.start = null;
      this.end = null;
      if (this.parentId === null) {
        this.parentId = this.prefixParent;
      }
    }
  }

  seen(at) {
    if (at !== null) {
      this.start = this.start === null || compareInstants(at, this.start) < 0 ? at : this.start;
      this.end = this.end === null || compareInstants(at, this.end) > 0 ? at : this.end;
    }
  }

  responseItem(line, at) {
    switch (line.payloadType === null ? "" : line.payloadType) {
      case "message": this.message(line, at); break;
      case "reasoning": this.agent(event(Kind.THINKING, at, line.textLength)); break;
      case "function_call": this.functionCall(line.name, line.callId, line.arguments, at); break;
      case "custom_tool_call": this.customToolCall(line, at); break;
      case "local_shell_call": this.agent(event(Kind.TOOL_CALL, at, 0, null, "local_shell")); break;
      case "web_search_call": this.agent(event(Kind.TOOL_CALL, at, 0, null, "web_search")); break;
      case "function_call_output": case "custom_tool_call_output": this.output(line, at); break;
      default:
    }
  }

  message(line, at) {
    const role = line.role === null ? "" : line.role;
    const text = line.text;
    if (role === "assistant") {
      this.agent(event(Kind.ASSISTANT_TEXT, at, line.textLength));
      return;
    }
    if (role !== "user") {
      this.events.push(event(Kind.INJECTED, at, line.textLength));
      return;
    }
    const kind = classifyCodexText(text);
    if (kind === Kind.PROMPT) {
      this.typed(text, "R", at);
    } else if (kind === Kind.BASH_MODE) {
      this.events.push(event(Kind.BASH_MODE, at, text.length, null, null, between(text, "<command>", "</command>")));
    } else {
      this.events.push(event(kind, at, text.length));
    }
  }

  eventMsg(line, at) {
    switch (line.payloadType === null ? "" : line.payloadType) {
      case "user_message":
        if (line.message !== null && classifyCodexText(line.message) === Kind.PROMPT) {
          this.typed(line.message, "E", at);
        }
        break;
      case "token_count":
        if (line.hasTotals) {
          this.tokens(line.totalInput, line.totalOutput);
        }
        break;
      case "turn_aborted":
        this.events.push(event(Kind.INTERRUPT, at));
        break;
      case "error": case "stream_error":
        this.events.push(event(Kind.API_ERROR, at, line.message === null ? 0 : line.message.length, null, null, null,
          null, true));
        break;
      default:
    }
  }

  typed(text, source, at) {
    if (this.twinDue !== "" && this.twinDue !== source) {
      this.twinDue = "";
      return;
    }
    this.twinDue = source;
    if (this.shownByCopy !== null && this.typedAlready(text, at)) {
      return; // CodexSessionBuilder.typed: a copy's line of a prompt the session has from its twin
    }
    if (this.sameSubmission(at)) {
      // CodexSessionBuilder.typed: one submission the client wrote as several messages a few
      // milliseconds apart; a piece not yet in the prompt joins its text.
      const prompt = this.events[this.lastTyped];
      const piece = ideRequest(text);
      const joined = prompt.text === null || prompt.text.includes(piece) ? prompt.text : prompt.text + "\n" + piece;
      if (prompt.kind === Kind.PROMPT && joined !== null && joined !== prompt.text) {
        this.events[this.lastTyped] = promptEvent(Kind.PROMPT, prompt.at, joined);
      }
      this.lastTypedAt = at;
      return;
    }
    this.lastTyped = this.events.length;
    this.lastTypedAt = at;
    this.agentSinceTyped = false;
    const args = expansionArguments(text);
    if (args !== null) {
      this.events.push(event(Kind.SLASH_COMMAND, at, args.length, args));
    } else {
      this.events.push(promptEvent(Kind.PROMPT, at, ideRequest(text)));
    }
  }

  functionCall(name, callId, args, at) {
    let command = null;
    let filePath = null;
    let patch = null;
    if (args !== null && args.startsWith("{")) {
      const parsed = parseArgs(args);
      command = parsed.command;
      patch = parsed.input;
    }
    if (command !== null && command.includes("*** Begin Patch")) {
      patch = command;
    }
    if (patch !== null) {
      filePath = patchFile(patch);
    }
    if (callId !== null) {
      this.calls.set(callId, { name, command });
    }
    this.agent(event(Kind.TOOL_CALL, at, 0, null, name, command, filePath));
  }

  customToolCall(line, at) {
    const inner = line.name === "exec" && line.input !== null ? codeModeCalls(line.input) : [];
    if (inner.length > 0) {
      if (line.callId !== null) {
        this.scripts.set(line.callId, inner);
      }
      for (const call of inner) {
        // A patch run through the shell names its file in the command, as outside code mode.
        const patch = call.patch !== null ? call.patch
          : call.command !== null && call.command.includes("*** Begin Patch") ? call.command : null;
        const patchPath = patch === null ? null : patchFile(patch);
        this.agent(event(Kind.TOOL_CALL, at, 0, null, call.name, call.command, patchPath));
      }
      return;
    }
    const filePath = line.input === null ? null : patchFile(line.input);
    if (line.callId !== null) {
      this.calls.set(line.callId, { name: line.name, command: null });
    }
    this.agent(event(Kind.TOOL_CALL, at, 0, null, line.name, null, filePath));
  }

  output(line, at) {
    const out = line.output === null ? "" : line.output;
    let length = line.outputLength >= 0 ? line.outputLength : out.length;
    const inner = line.callId === null ? undefined : this.scripts.get(line.callId);
    if (inner !== undefined) {
      // A script's output answers each of its calls; its length goes with the last.
      inner.forEach((call, i) => {
        const last = i === inner.length - 1;
        this.events.push(event(Kind.TOOL_RESULT, at, last ? length : 0, null, call.name, call.command, null,
          codeModeFailed(out, i, inner.length)));
      });
      return;
    }
    const call = line.callId === null ? undefined : this.calls.get(line.callId);
    let exit = null;
    if (out.startsWith("{")) {
      const parsed = parseArgs(out);
      if (parsed.output !== null) {
        length = parsed.outputLength;
      }
      exit = parsed.exitCode;
    }
    if (exit === null) {
      const m = EXIT_CODE.exec(out.length > 400 ? out.substring(0, 400) : out);
      if (m !== null) {
        exit = javaInt(m[1]);
      }
    }
    const error = exit !== null ? exit !== 0 : FAILED_WITHOUT_EXIT_CODE.test(out);
    this.events.push(event(Kind.TOOL_RESULT, at, length, null, call ? call.name : null, call ? call.command : null,
      null, error));
  }

  /** CodexSessionBuilder.typedAlready: the session has this typed text from within a second of it. */
  typedAlready(text, at) {
    const prompt = ideRequest(text);
    const args = expansionArguments(text);
    for (const e of this.events) {
      const same = e.kind === Kind.PROMPT && e.text !== null && e.text.includes(prompt)
        || e.kind === Kind.SLASH_COMMAND && args !== null && args === e.text;
      if (same && at !== null && e.at !== null && Math.abs(nanosBetween(e.at, at)) <= 1e9) {
        return true;
      }
    }
    return false;
  }

  /** CodexSessionBuilder.sameSubmission: written within 250 ms of the typed text before, the agent idle between. */
  sameSubmission(at) {
    if (this.lastTyped < 0 || this.agentSinceTyped || at === null || this.lastTypedAt === null
        || compareInstants(at, this.lastTypedAt) < 0) {
      return false;
    }
    return (at.ms - this.lastTypedAt.ms) * 1e6 + (at.sub - this.lastTypedAt.sub) < SAME_SUBMISSION_NANOS;
  }

  agent(e) {
    this.twinDue = "";
    this.agentSinceTyped = true;
    if (this.pendingIn > 0 || this.pendingOut > 0) {
      e = withTokens(e, this.pendingIn, this.pendingOut);
      this.pendingIn = 0;
      this.pendingOut = 0;
    }
    this.events.push(e);
    this.lastAgentEvent = this.events.length - 1;
  }

  tokens(input, output) {
    if (this.shownByCopy !== null && (input < this.totalIn || output < this.totalOut)) {
      return; // CodexSessionBuilder.tokens: a copy's earlier total, counted already, not a restart
    }
    const grew = input >= this.totalIn && output >= this.totalOut;
    const dIn = grew ? input - this.totalIn : input;
    const dOut = grew ? output - this.totalOut : output;
    this.totalIn = input;
    this.totalOut = output;
    if (dIn === 0 && dOut === 0) {
      return;
    }
    if (this.lastAgentEvent < 0) {
      this.pendingIn += dIn;
      this.pendingOut += dOut;
      return;
    }
    this.events[this.lastAgentEvent] = withTokens(this.events[this.lastAgentEvent], dIn, dOut);
  }

  build(source) {
    if (this.inPrefix) {
      this.endPrefix();
    }
    if (this.pendingIn > 0 || this.pendingOut > 0) {
      if (this.events.length === 0) {
        this.events.push(event(Kind.ASSISTANT_TEXT, this.end));
      }
      const last = this.events.length - 1;
      this.events[last] = withTokens(this.events[last], this.pendingIn, this.pendingOut);
    }
    const repoId = this.cwd === null ? "" : this.cwd.replace(/[^A-Za-z0-9]/g, "-");
    return { id: this.id !== null ? this.id : this.fallbackId, repoId, source, agent: "CODEX", start: this.start,
      end: this.end, events: this.joined ? inTimeOrder(this.events) : this.events, subagentEvents: [],
      parentId: this.parentId, subagentIds: [] };
  }
}

function isEvidence(line) {
  const t = line.payloadType === null ? "" : line.payloadType;
  return line.callId !== null && (t.startsWith("function_call") || t.startsWith("custom_tool_call"))
    || t === "message" && line.role === "assistant" && line.textLength >= 20;
}

function withTokens(e, input, output) {
  return { ...e, inputTokens: e.inputTokens + input, outputTokens: e.outputTokens + output };
}

/** Integer.parseInt: the value, or null when it does not fit an int. */
function javaInt(digits) {
  const value = Number(digits);
  return Number.isSafeInteger(value) && value >= -2147483648 && value <= 2147483647 ? value : null;
}

/** CodexReader.fallbackId: the session id in a rollout file name. */
export function fallbackId(path) {
  const s = lines.stem(path);
  if (s.startsWith("rollout-") && s.length >= 36) {
    const tail = s.substring(s.length - 36);
    if (tail[8] === "-" && tail[13] === "-") {
      return tail;
    }
  }
  return s;
}

/**
 * CodexReader over a set of files ({file, path}) read in path order with one shared run, so a
 * fork's replay of an earlier session is recognised. Each session goes to {@code sink}.
 */
export async function readCodex(entries, sink, report, options = {}) {
  const run = new Run();
  const spawns = new Spawns(sink, report);
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { ordered, keys } = await longestFirst(sorted, options);
  let reading = null;
  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i];
    if (keys[i] !== null && reading !== null && keys[i] === reading.key) {
      // CodexReader: a copy read right after the longest of its session joins it.
      reading.builder.joinCopy();
      await lines.read(entry, handler(reading.builder), report, options);
      report.sessionCopy(entry.path);
      continue;
    }
    finish(reading, spawns, report);
    const builder = new SessionBuilder(run, fallbackId(entry.path));
    const readable = await lines.read(entry, handler(builder), report, options);
    reading = { key: keys[i], path: entry.path, builder, readable };
  }
  finish(reading, spawns, report);
  spawns.finish();
}

function handler(builder) {
  let line = null;
  return {
    parse(o) {
      line = codexLine(o);
    },
    accept() {
      return builder.accept(line);
    }
  };
}

/** CodexReader.finish: hands the session read on, once its copies are read too. */
function finish(reading, spawns, report) {
  if (reading === null) {
    return;
  }
  const builder = reading.builder;
  const session = builder.build(reading.path);
  if (builder.startedBySubagent()) {
    // CodexSessionBuilder.startedBySubagent: a guardian's review, not the person.
    report.subagentSession(reading.path);
  } else if (builder.spawnedBy !== null) {
    if (!spawns.attach(builder.spawnedBy, session)) {
      report.subagentSession(reading.path);
    }
  } else if (session.events.length === 0) {
    if (reading.readable) {
      report.emptySession(reading.path);
    }
  } else {
    spawns.add(session);
  }
}

/**
 * CodexCopies.longestFirst: path order, except that the copies of one session (Entire keeps one
 * at each checkpoint) are read together where the first stands, longest first. keys[i] is the
 * session id of the entry read i-th.
 */
async function longestFirst(entries, options) {
  const idOf = [];
  const copies = new Map();
  for (let i = 0; i < entries.length; i++) {
    const id = await sessionId(entries[i], options);
    idOf.push(id);
    if (id !== null) {
      if (!copies.has(id)) {
        copies.set(id, []);
      }
      copies.get(id).push(i);
    }
  }
  const ordered = [];
  const keys = [];
  for (let i = 0; i < entries.length; i++) {
    const group = idOf[i] === null ? [i] : copies.get(idOf[i]);
    if (group[0] !== i) {
      continue; // read with the first of its copies
    }
    const bySize = [...group].sort((a, b) => entries[b].file.size - entries[a].file.size);
    for (const k of bySize) {
      ordered.push(entries[k]);
      keys.push(idOf[k]);
    }
  }
  return { ordered, keys };
}

/** CodexCopies.sessionId: the id in a rollout's name, else that of a session_meta first line, else null. */
async function sessionId(entry, options) {
  const fromName = fallbackId(entry.path);
  if (fromName !== lines.stem(entry.path)) {
    return fromName;
  }
  if ("sessionMetaId" in entry) {
    return entry.sessionMetaId; // the worker read the first line when it told the file's format
  }
  let id = null;
  await lines.peek(entry, 1, {
    parse(o) {
      if (o !== null && typeof o === "object" && o.type === "session_meta" && o.payload !== null
          && typeof o.payload === "object" && typeof o.payload.id === "string") {
        id = o.payload.id;
      }
    },
    accept() {
      return true;
    }
  }, linesRead => linesRead >= 1, { cancelled: options.cancelled });
  return id;
}

/**
 * CodexReader.Spawns: sessions on their way to the sink, in reading order, each waiting for the
 * threads it spawned, whose work joins its subagent events.
 */
class Spawns {
  constructor(sink, report) {
    this.sink = sink;
    this.report = report;
    this.queue = [];
    this.byThread = new Map();
  }

  add(session) {
    const w = { read: session, events: [...session.subagentEvents], ids: [...session.subagentIds],
      start: session.start, end: session.end, due: spawnCalls(session), sent: false };
    this.queue.push(w);
    if (w.due > 0) {
      this.byThread.set(session.id, w);
    }
    this.flush();
  }

  attach(spawner, thread) {
    const w = this.byThread.get(spawner);
    if (w === undefined || w.sent) {
      return false;
    }
    w.events.push(...thread.events, ...thread.subagentEvents);
    w.ids.push(thread.id, ...thread.subagentIds);
    w.start = w.start === null || thread.start !== null && compareInstants(thread.start, w.start) < 0 ? thread.start : w.start;
    w.end = w.end === null || thread.end !== null && compareInstants(thread.end, w.end) > 0 ? thread.end : w.end;
    const spawned = spawnCalls(thread);
    w.due += spawned - 1;
    if (spawned > 0) {
      this.byThread.set(thread.id, w);
    }
    this.flush();
    return true;
  }

  finish() {
    for (const w of this.queue) {
      w.due = 0;
    }
    this.flush();
  }

  flush() {
    while (this.queue.length > 0 && this.queue[0].due <= 0) {
      const w = this.queue.shift();
      w.sent = true;
      const session = w.ids.length === w.read.subagentIds.length ? w.read
        : { ...w.read, start: w.start, end: w.end, subagentEvents: w.events, subagentIds: w.ids };
      this.report.sessionRead(session);
      this.sink(session);
    }
  }
}

function spawnCalls(session) {
  return session.events.filter(e => e.kind === Kind.TOOL_CALL && e.toolName === "spawn_agent").length;
}

/**
 * CodexSessionBuilder.Args: the fields of a JSON object nested in a string (function arguments
 * or a tool output), read the way Jackson's streaming parser reads them: field by field, so a
 * malformed tail keeps the fields before it, and text after the object is never looked at.
 * JSON.parse would drop the whole object, so this is a small strict tokenizer instead.
 */
export function parseArgs(json) {
  const args = { command: null, input: null, output: null, outputLength: 0, exitCode: null };
  const p = new Tokens(json);
  try {
    if (p.next() !== "{") {
      return args;
    }
    object(p, 0, args);
  } catch (e) {
    // Malformed arguments are the agent's problem, not the log's: the call still counts.
  }
  return args;
}

function object(p, depth, args) {
  for (;;) {
    const t = p.next();
    if (t === "}") {
      return;
    }
    if (t !== "field") {
      throw new Error("expected a field");
    }
    const field = p.value;
    const v = p.next();
    if (depth === 0 && (field === "command" || field === "cmd")) {
      args.command = commandText(p, v);
    } else if (depth === 0 && (field === "input" || field === "patch") && v === "string") {
      args.input = p.value;
    } else if (depth === 0 && field === "output" && v === "string") {
      args.outputLength = p.value.length;
      args.output = "";
    } else if (field === "metadata" && v === "{" && depth === 0) {
      object(p, 1, args);
    } else if (depth === 1 && field === "exit_code" && v === "int" && p.isInt) {
      args.exitCode = p.number;
    } else {
      p.skip(v);
    }
  }
}

function commandText(p, t) {
  if (t === "string") {
    return p.value;
  }
  if (t !== "[") {
    p.skip(t);
    return null;
  }
  const argv = [];
  for (let v = p.next(); v !== "]"; v = p.next()) {
    if (v === "string") {
      argv.push(p.value);
    } else {
      p.skip(v);
    }
  }
  if (argv.length === 3 && (argv[1] === "-lc" || argv[1] === "-c")) {
    return argv[2];
  }
  return argv.join(" ");
}

const ESCAPES = { "\"": "\"", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** A strict JSON tokenizer: "{", "}", "[", "]", "field", "string", "int", "float", "literal". */
class Tokens {
  constructor(text) {
    this.s = text;
    this.i = 0;
    this.stack = [];
    this.expectField = false;
    this.value = null;
    this.number = 0;
    this.isInt = false;
  }

  space() {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        break;
      }
      this.i++;
    }
  }

  next() {
    this.space();
    const top = this.stack[this.stack.length - 1];
    let c = this.s[this.i];
    if (c === undefined) {
      throw new Error("end of input");
    }
    if (top !== undefined && this.afterValue) {
      if (c === ",") {
        this.i++;
        this.space();
        c = this.s[this.i];
        this.afterValue = false;
        if (top === "{" && c !== "\"" || c === "}" || c === "]") {
          throw new Error("value expected after ','");
        }
      } else if (!(c === "}" && top === "{" || c === "]" && top === "[")) {
        throw new Error("',' expected");
      }
    }
    if (c === "}" || c === "]") {
      if (top !== (c === "}" ? "{" : "[") || (this.awaitValue)) {
        throw new Error("unexpected " + c);
      }
      this.i++;
      this.stack.pop();
      this.afterValue = true;
      return c;
    }
    if (top === "{" && !this.awaitValue) {
      if (c !== "\"") {
        throw new Error("field name expected");
      }
      this.value = this.string();
      this.space();
      if (this.s[this.i] !== ":") {
        throw new Error("':' expected");
      }
      this.i++;
      this.awaitValue = true;
      this.afterValue = false;
      return "field";
    }
    this.awaitValue = false;
    this.afterValue = true;
    if (c === "{" || c === "[") {
      this.i++;
      this.stack.push(c);
      this.afterValue = false;
      return c;
    }
    if (c === "\"") {
      this.value = this.string();
      return "string";
    }
    const literal = /^(?:true|false|null)(?![A-Za-z0-9_])/.exec(this.s.substring(this.i, this.i + 6));
    if (literal !== null) {
      this.i += literal[0].length;
      return "literal";
    }
    const number = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.substring(this.i, this.i + 400));
    if (number === null || /[A-Za-z0-9_.]/.test(this.s[this.i + number[0].length] || "")) {
      throw new Error("unexpected character");
    }
    this.i += number[0].length;
    const integer = number[1] === undefined && number[2] === undefined;
    this.number = Number(number[0]);
    this.isInt = integer && this.number >= -2147483648 && this.number <= 2147483647;
    return integer ? "int" : "float";
  }

  string() {
    let out = "";
    let from = ++this.i;
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (Number.isNaN(c)) {
        throw new Error("unterminated string");
      }
      if (c === 34) {
        out += this.s.substring(from, this.i++);
        return out;
      }
      if (c < 32) {
        throw new Error("control character in string");
      }
      if (c === 92) {
        out += this.s.substring(from, this.i);
        const e = this.s[this.i + 1];
        if (e === "u") {
          const hex = this.s.substring(this.i + 2, this.i + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
            throw new Error("bad \\u escape");
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 6;
        } else if (e !== undefined && Object.prototype.hasOwnProperty.call(ESCAPES, e)) {
          out += ESCAPES[e];
          this.i += 2;
        } else {
          throw new Error("bad escape");
        }
        from = this.i;
      } else {
        this.i++;
      }
    }
  }

  /** Skips the value that token {@code t} opened. */
  skip(t) {
    if (t !== "{" && t !== "[") {
      return;
    }
    const depth = this.stack.length;
    while (this.stack.length >= depth) {
      this.next();
    }
  }
}
