/*
 * Claude Code logs (~/.claude/projects/<project>/<sessionId>.jsonl), ported from
 * dev.personas.load.claude: ClaudeLine (the fields that matter, read from each parsed line),
 * ClaudeText (typed prompt or something Claude Code wrote), ClaudeSessionBuilder (the counting
 * rules of RESEARCH.md §3: slash commands, tool results, isMeta lines, compactions, API errors,
 * queued steering, plan mode, usage once per message id + request id, resumed sessions counted
 * once) and ClaudeCodeReader (session files, subagent files in the new and old layout, oldest
 * session of a project first). The Java classes are the reference; comments there say why.
 */
import * as lines from "./lines.js";
import { Kind, event, promptEvent, parseTimestamp, compareInstants, compareDated, SeenKeys, MessageUsage, isTypedPrompt, inTimeOrder,
  ReadReport } from "./common.js";
import { strip, stripLeading, isBlank } from "./java.js";

const PEEK_LINES = 50;

function str(v) {
  return typeof v === "string" ? v : null;
}

function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** JsonLines.count: a non-negative integer up to a trillion, else 0. */
export function tokenCount(v) {
  return Number.isInteger(v) && v >= 0 && v <= 1e12 ? v : 0;
}

/** Position of a key among an object's keys, or -1: the Java parser sees fields in this order. */
function before(keys, first, second) {
  const a = keys.indexOf(first);
  return a >= 0 && a < keys.indexOf(second);
}

/**
 * The fields of one Claude Code log line (ClaudeLine), read from the parsed object; a line of
 * Entire's transcript.jsonl ("v", "agent", "ts", a "content" array whose tool calls carry their
 * results) into the same fields, as ClaudeLine reads it.
 */
export function claudeLine(o) {
  const line = {
    type: str(o.type), uuid: str(o.uuid), sessionId: str(o.sessionId), timestamp: str(o.timestamp),
    promptId: str(o.promptId), entire: "v" in o,
    agentId: str(o.agentId), permissionMode: str(o.permissionMode), requestId: str(o.requestId),
    operation: str(o.operation), subtype: str(o.subtype), level: str(o.level), content: str(o.content),
    isSidechain: o.isSidechain === true, isMeta: o.isMeta === true, isCompactSummary: o.isCompactSummary === true,
    isApiErrorMessage: o.isApiErrorMessage === true, interruptedByShutdown: o.interruptedByShutdown === true,
    attachmentType: null, attachmentPrompt: null,
    hasMessage: false, messageId: null, role: null, model: null, messageText: null, messageTextLength: 0,
    messageIsString: false, hasUsage: false, inputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0,
    outputTokens: 0, blocks: []
  };
  if (isObject(o.attachment)) {
    line.attachmentType = str(o.attachment.type);
    line.attachmentPrompt = str(o.attachment.prompt);
  }
  const m = o.message;
  if (isObject(m)) {
    line.hasMessage = true;
    line.messageId = str(m.id);
    line.role = str(m.role);
    line.model = str(m.model);
    // Java reads fields in order: whether the line is an assistant's is known at "content" only
    // from the fields before it.
    const rootKeys = Object.keys(o);
    const keys = Object.keys(m);
    const assistant = before(keys, "role", "content") && line.role === "assistant"
      || before(rootKeys, "type", "message") && line.type === "assistant";
    const model = before(keys, "model", "content") ? line.model : null;
    const content = m.content;
    if (typeof content === "string") {
      line.messageIsString = true;
      line.messageTextLength = content.length;
      if (!assistant) {
        line.messageText = content;
      }
    } else if (Array.isArray(content)) {
      const measureOnly = assistant && model !== "<synthetic>";
      for (const b of content) {
        if (isObject(b)) {
          line.blocks.push(block(b, measureOnly));
        }
      }
    }
    if (isObject(m.usage)) {
      line.hasUsage = true;
      line.inputTokens = tokenCount(m.usage.input_tokens);
      line.cacheCreationTokens = tokenCount(m.usage.cache_creation_input_tokens);
      line.cacheReadTokens = tokenCount(m.usage.cache_read_input_tokens);
      line.outputTokens = tokenCount(m.usage.output_tokens);
    }
  }
  if (line.entire) {
    entireLine(o, line);
  }
  return line;
}

/** ClaudeLine.entireLine: an Entire line as the Claude Code line it stands for. */
function entireLine(o, line) {
  const rootKeys = Object.keys(o);
  // Java reads fields in order: Entire writes "v" first, so content is read as Entire's after it.
  if (before(rootKeys, "v", "content") && Array.isArray(o.content)) {
    line.content = null;
    const user = before(rootKeys, "type", "content") && line.type === "user";
    for (const item of o.content) {
      if (isObject(item)) {
        const b = entireBlock(item, user);
        line.blocks.push(b);
        if (user && line.promptId === null && b.id !== null) {
          line.promptId = b.id;
        }
      }
    }
  }
  if (str(o.agent) !== "claude-code" || line.hasMessage) {
    line.type = null;
    return;
  }
  line.timestamp = str(o.ts);
  line.hasMessage = true;
  line.role = line.type;
  line.messageId = str(o.id);
  if ("input_tokens" in o || "output_tokens" in o) {
    line.hasUsage = true;
    line.inputTokens = tokenCount(o.input_tokens);
    line.outputTokens = tokenCount(o.output_tokens);
  }
  // Entire drops the isMeta flag of the lines Claude Code writes beside the typed ones.
  let meta = false;
  for (const b of line.blocks) {
    if (b.text !== null) {
      meta = isMetaText(b.text);
      if (!meta) {
        break;
      }
    }
  }
  line.isMeta = line.type === "user" && meta;
}

/** ClaudeLine.entireBlocks: one of Entire's content blocks, read as a message's block is. */
function entireBlock(o, user) {
  const b = block(o, !user);
  if (b.type === null && b.text !== null) {
    b.type = "text"; // a user line's text block names no type
  }
  return b;
}

/**
 * ClaudeLine.toResults: the user line of an Entire assistant line's tool results, as Claude Code
 * writes them (tool_result blocks naming their call), or null when it has none.
 */
export function toResults(line) {
  if (!line.entire || line.type === null || !(line.role === "assistant" || line.type === "assistant")) {
    return null;
  }
  const results = [];
  for (const call of line.blocks) {
    if (call.type === "tool_use" && call.hasResult) {
      results.push({ type: "tool_result", text: null, textLength: call.resultLength, id: null, name: null,
        toolUseId: call.id, command: null, filePath: null, isError: call.resultError });
    }
  }
  if (results.length === 0) {
    return null;
  }
  return { ...line, type: "user", role: "user", hasUsage: false, messageId: null, blocks: results };
}

/**
 * ClaudeSessionBuilder.written: whether Claude Code wrote a user line's text itself, a meta line or
 * its notice that it shut down mid-turn (interruptedByShutdown), which reads as an interrupt but is none.
 */
function written(line) {
  return line.isMeta || line.interruptedByShutdown;
}

/**
 * ClaudeText.isMetaText: what Claude Code writes as a meta line beside what was typed (a skill's
 * instructions, an image's placeholder, /review's target, the nudge after a resume), told by its
 * opening where Entire dropped the isMeta flag.
 */
export function isMetaText(text) {
  const s = stripLeading(text);
  return s.startsWith("Base directory for this skill: ") || s.startsWith("[Image: ")
    || s.startsWith("Review target: ") || s.startsWith("Continue from where you left off.")
    || s.startsWith("Skill /") && s.includes(" is already loaded");
}

function block(o, measureOnly) {
  const b = { type: null, text: null, textLength: 0, id: null, name: null, toolUseId: null, command: null,
    filePath: null, isError: false, hasResult: false, resultLength: 0, resultError: false };
  for (const key of Object.keys(o)) {
    const v = o[key];
    switch (key) {
      case "type": b.type = str(v); break;
      case "id": b.id = str(v); break;
      case "name": b.name = str(v); break;
      case "tool_use_id": b.toolUseId = str(v); break;
      case "is_error": b.isError = v === true; break;
      case "text":
        if (typeof v === "string") {
          b.textLength = v.length;
          b.text = measureOnly ? null : v;
        }
        break;
      case "thinking": b.textLength = typeof v === "string" ? v.length : 0; break;
      case "content": b.textLength = resultLength(v); break;
      case "input":
        if (isObject(v)) {
          input(v, b);
        }
        break;
      case "result": // Entire's: a tool call's result, on the call (ClaudeLine.result)
        if (isObject(v)) {
          b.hasResult = true;
          for (const field of Object.keys(v)) {
            if (field === "output") {
              b.resultLength = typeof v.output === "string" ? v.output.length : 0;
            } else if (field === "status") {
              b.resultError = str(v.status) === "error";
            }
          }
        }
        break;
      default:
    }
  }
  return b;
}

/** Characters of a tool result: a string, or the text fields of the objects of an array. */
function resultLength(v) {
  if (typeof v === "string") {
    return v.length;
  }
  if (!Array.isArray(v)) {
    return 0;
  }
  let total = 0;
  for (const item of v) {
    if (isObject(item) && typeof item.text === "string") {
      total += item.text.length;
    }
  }
  return Math.min(2147483647, total);
}

function input(o, b) {
  for (const key of Object.keys(o)) {
    if (key === "command") {
      b.command = str(o[key]);
    } else if (key === "file_path" || key === "notebook_path") {
      b.filePath = str(o[key]);
    } else if (key === "path" && b.filePath === null) {
      b.filePath = str(o[key]);
    }
  }
}

/** ClaudeText.TITLE_REQUEST: Claude Code's request for a conversation's title, a file of its own in older versions. */
const TITLE_REQUEST =
  "Context: This summary will be shown in a list to help users and Claude choose which conversations are relevant";

/** ClaudeText.TASK_NOTICE: how Claude Code queues a background task's completion for the model. */
const TASK_NOTICE = '{"task_id":"';

/** ClaudeSessionBuilder.REQUEUED: the same text queued again within this is the client repeating it. */
const REQUEUED_MS = 2000;

const INJECTED_PREFIXES = [
  "<system-reminder>", "<task-notification>", "<local-command-stdout>", "<local-command-stderr>",
  "<local-command-caveat>", "<bash-stdout>", "<bash-stderr>", "<user-prompt-submit-hook>", "<ide_opened_file>",
  "<ide_selection>", "<ide_diagnostics>", "<post-tool-use-hook>", "<session-start-hook>",
  // Another session's message (agent teams), a background shell reporting back, a forked worker's brief.
  "<cross-session-message", "<bash-notification>", "<fork-boilerplate>",
  // A teammate's report in an agent team, a background agent's completion notice.
  "<teammate-message", "<agent-notification>",
  "Caveat: The messages below were generated by the user while running local commands"
];

/** ClaudeText.classify: the kind of a piece of user-side text. */
export function classifyText(text) {
  const s = stripLeading(text);
  if (s.startsWith("[Request interrupted by user")) {
    return Kind.INTERRUPT;
  }
  if (s.startsWith("<bash-input>")) {
    return Kind.BASH_MODE;
  }
  if (s.startsWith("<command-name>") || s.startsWith("<command-message>") && s.includes("<command-name>")) {
    return Kind.SLASH_COMMAND;
  }
  if (s.startsWith("This session is being continued from a previous conversation")) {
    return Kind.COMPACTION;
  }
  if (s.startsWith("<")) {
    for (const prefix of INJECTED_PREFIXES) {
      if (s.startsWith(prefix)) {
        return Kind.INJECTED;
      }
    }
    if (s.startsWith("<command-message>") || s.startsWith("<command-args>")) {
      return Kind.INJECTED;
    }
  } else if (s.startsWith("Caveat: ") || s.startsWith("Unknown slash command: ") || s.startsWith("Unknown skill: ")
      || s.startsWith(TITLE_REQUEST) || s.startsWith(TASK_NOTICE)) {
    return Kind.INJECTED;
  }
  return Kind.PROMPT;
}

function isAsciiLetter(c) {
  return c >= "a" && c <= "z" || c >= "A" && c <= "Z";
}

/** ClaudeText.isCommand: queued text that is a slash command ("/context"), not a path. */
export function isCommand(text) {
  const s = strip(text);
  if (s.length < 2 || s[0] !== "/" || !isAsciiLetter(s[1])) {
    return false;
  }
  for (let i = 2; i < s.length; i++) {
    const c = s[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      return true;
    }
    if (!isAsciiLetter(c) && !(c >= "0" && c <= "9") && c !== "-" && c !== "_" && c !== ":" && c !== ".") {
      return false;
    }
  }
  return true;
}

function commandName(text) {
  const open = text.indexOf("<command-name>");
  const close = text.indexOf("</command-name>");
  if (open < 0 || close < open) {
    return null;
  }
  const name = strip(text.substring(open + "<command-name>".length, close));
  return name.startsWith("/") || name.length === 0 ? name : "/" + name;
}

function bashInput(text) {
  const open = text.indexOf("<bash-input>");
  const close = text.indexOf("</bash-input>");
  return open < 0 || close < open ? null : text.substring(open + "<bash-input>".length, close);
}

/** CommandTags.arguments: what was typed after a command, as written ("" when nothing). */
function commandArguments(text) {
  const open = text.indexOf("<command-args>");
  const close = text.indexOf("</command-args>");
  return open < 0 || close < open ? "" : text.substring(open + "<command-args>".length, close);
}

/** ClaudeSessionBuilder.command: a slash command, with its typed arguments as its text. */
function command(text, at) {
  const args = commandArguments(text);
  return event(Kind.SLASH_COMMAND, at, args.length, args, commandName(text));
}

/** State shared by all sessions of one project folder. */
class Project {
  constructor() {
    this.uuids = new SeenKeys();
    this.usage = new MessageUsage();
    this.sessionIds = [];
  }

  register(sessionId) {
    this.sessionIds.push(sessionId);
    return this.sessionIds.length - 1;
  }
}

/** ClaudeSessionBuilder: the lines of one session (main file, then subagent files) as events. */
class SessionBuilder {
  constructor(project, sessionId) {
    this.project = project;
    this.sessionId = sessionId;
    this.owner = project.register(sessionId);
    this.events = [];
    this.subagentEvents = [];
    this.subagentIds = new Set();
    this.toolUses = new Map();
    this.answered = new Set();
    this.promptTexts = new Set();
    this.lineTimestamp = null;
    this.previousTimestamp = null;
    this.earlierTimestamp = null;
    this.latest = null;
    this.lastQueuedText = null;
    this.titleRequest = false;
    this.lastQueuedAt = null;
    this.queued = [];
    this.removed = [];
    this.parentId = null;
    this.inPlanMode = false;
    this.compactionPending = false;
    this.joined = false;
    this.heldUuids = null;
  }

  /**
   * ClaudeSessionBuilder.joinCopy: another copy read on; its lines whose uuid the files read
   * before hold, and its lines without a uuid, add nothing; the others join, in time order.
   */
  joinCopy(held) {
    this.heldUuids = held;
  }

  accept(line, fromSubagentFile) {
    const type = line.type;
    if (type === null) {
      return false;
    }
    switch (type) {
      case "user": case "assistant": case "system": case "attachment": case "queue-operation": case "permission-mode":
        break;
      default:
        return false;
    }
    this.earlierTimestamp = this.previousTimestamp;
    this.previousTimestamp = this.lineTimestamp;
    this.lineTimestamp = fromSubagentFile ? null : line.timestamp;
    if (this.heldUuids !== null && (line.uuid === null || this.heldUuids.has(line.uuid))) {
      return true;
    }
    if (line.uuid !== null && this.project.uuids.contains(line.uuid)) {
      const first = this.project.uuids.addIfAbsent(line.uuid, this.owner);
      if (first !== this.owner && this.parentId === null && first >= 0 && first < this.project.sessionIds.length) {
        this.parentId = this.project.sessionIds[first];
      }
      return true;
    }
    const side = fromSubagentFile || line.isSidechain;
    if (side && line.agentId !== null) {
      this.subagentIds.add(line.agentId);
    }
    const out = side ? this.subagentEvents : this.events;
    const size = out.length;
    const at = parseTimestamp(line.timestamp);
    switch (type) {
      case "user": this.user(line, at, out, side); break;
      case "assistant": this.assistant(line, at, out); break;
      case "system": this.system(line, at, out); break;
      case "attachment": this.attachment(line, at, out, side); break;
      case "queue-operation": if (!side) this.queue(line, at); break;
      default: if (!side) this.permissionMode(line.permissionMode, at);
    }
    if (!fromSubagentFile && at !== null && (this.latest === null || compareInstants(at, this.latest) > 0)) {
      this.latest = at;
    }
    if (line.uuid !== null && out.length > size) {
      this.project.uuids.addIfAbsent(line.uuid, this.owner);
    }
    this.joined = this.joined || this.heldUuids !== null && out.length > size;
    return true;
  }

  subagent(agentId) {
    this.subagentIds.add(agentId);
  }

  /** ClaudeSessionBuilder.isEmpty: nothing read, or only Claude Code's request for a title. */
  isEmpty() {
    return this.events.length === 0 && this.subagentEvents.length === 0
      || this.titleRequest && !this.events.some((e) => e !== null && (isTypedPrompt(e.kind) || e.kind === Kind.SLASH_COMMAND));
  }

  build(repoId, source) {
    let main = this.events.filter(e => e !== null);
    if (this.joined) {
      main = inTimeOrder(main);
    }
    let start = null;
    let end = null;
    for (const list of [main, this.subagentEvents]) {
      for (const e of list) {
        if (e.at !== null) {
          start = start === null || compareInstants(e.at, start) < 0 ? e.at : start;
          end = end === null || compareInstants(e.at, end) > 0 ? e.at : end;
        }
      }
    }
    return { id: this.sessionId, repoId, source, agent: "CLAUDE_CODE", start, end, events: main,
      subagentEvents: this.subagentEvents, parentId: this.parentId, subagentIds: [...this.subagentIds].sort() };
  }

  user(line, at, out, side) {
    if (!side && line.permissionMode !== null) {
      this.permissionMode(line.permissionMode, at);
    }
    if (line.isCompactSummary) {
      this.compaction(at, line.messageTextLength, out);
      return;
    }
    if (!line.hasMessage) {
      return;
    }
    if (line.messageIsString) {
      if (line.messageText !== null) {
        const typed = { text: "" };
        this.text(line.messageText, written(line), at, out, typed);
        this.prompt(typed, at, out, side);
      }
      return;
    }
    const typed = { text: "" };
    for (const b of line.blocks) {
      if (b.type === "tool_result") {
        if (b.toolUseId !== null) {
          if (this.answered.has(b.toolUseId)) {
            continue;
          }
          this.answered.add(b.toolUseId);
        }
        const use = b.toolUseId === null ? undefined : this.toolUses.get(b.toolUseId);
        out.push(event(Kind.TOOL_RESULT, at, b.textLength, null, use ? use.name : null, use ? use.command : null,
          null, b.isError));
      } else if (b.type === "text" && b.text !== null) {
        this.text(b.text, written(line), at, out, typed);
      }
    }
    this.prompt(typed, at, out, side);
  }

  text(text, meta, at, out, typed) {
    if (meta) {
      out.push(event(Kind.INJECTED, at, text.length));
      return;
    }
    const kind = classifyText(text);
    if (kind === Kind.INJECTED && stripLeading(text).startsWith(TITLE_REQUEST)) {
      this.titleRequest = true;
    }
    switch (kind) {
      case Kind.PROMPT: {
        // ClaudeText.withoutReminders: the <system-reminder> blocks Claude Code writes into typed text,
        // and the Conductor app's <system_instruction> and <system-instruction> blocks before it.
        const own = text.includes("<system")
          ? text.replace(/<(system-reminder|system_instruction|system-instruction)>[\s\S]*?<\/\1>/g, "") : text;
        if (isBlank(own)) {
          out.push(event(Kind.INJECTED, at, text.length));
          break;
        }
        // As Java's StringBuilder: a newline only between pieces once something is gathered.
        typed.text = typed.text.length > 0 ? typed.text + "\n" + own : own;
        break;
      }
      case Kind.SLASH_COMMAND:
        out.push(command(text, at));
        break;
      case Kind.BASH_MODE: {
        const command = bashInput(text);
        out.push(event(Kind.BASH_MODE, at, command === null ? 0 : command.length, null, null, command));
        break;
      }
      case Kind.COMPACTION:
        this.compaction(at, text.length, out);
        break;
      case Kind.INTERRUPT:
        out.push(event(Kind.INTERRUPT, at));
        break;
      default:
        out.push(event(kind, at, text.length));
    }
  }

  prompt(typed, at, out, side) {
    const text = typed.text;
    if (text.length === 0) {
      return;
    }
    if (!side && this.promptTexts.has(text) && this.replayed(at)) {
      // ClaudeSessionBuilder.replayed: a prompt written out again in a replay counts once.
      return;
    }
    if (!side) {
      this.promptTexts.add(text);
    }
    if (!side && this.deliverQueued(text)) {
      return;
    }
    out.push(promptEvent(Kind.PROMPT, at, text));
  }

  /** ClaudeSessionBuilder.replayed. */
  replayed(at) {
    if (this.lineTimestamp === null || this.lineTimestamp !== this.previousTimestamp) {
      return false;
    }
    return this.lineTimestamp === this.earlierTimestamp
      || (at !== null && this.latest !== null && compareInstants(at, this.latest) < 0);
  }

  compaction(at, length, out) {
    if (this.compactionPending) {
      this.compactionPending = false;
      return;
    }
    out.push(event(Kind.COMPACTION, at, length));
  }

  assistant(line, at, out) {
    this.compactionPending = false;
    const first = out.length;
    if (line.isApiErrorMessage) {
      out.push(event(Kind.API_ERROR, at, line.messageTextLength, null, null, null, null, true));
    } else if (line.messageIsString) {
      out.push(event(Kind.ASSISTANT_TEXT, at, line.messageTextLength));
    }
    for (let i = 0; i < line.blocks.length && !line.isApiErrorMessage; i++) {
      const b = line.blocks[i];
      switch (b.type === null ? "" : b.type) {
        case "text": {
          const apiError = b.text !== null && b.text.startsWith("API Error");
          out.push(event(apiError ? Kind.API_ERROR : Kind.ASSISTANT_TEXT, at, b.textLength, null, null, null, null, apiError));
          break;
        }
        case "thinking": case "redacted_thinking":
          out.push(event(Kind.THINKING, at, b.textLength));
          break;
        case "tool_use": case "server_tool_use":
          // ClaudeSessionBuilder: the same tool call id again is a replay, not a new call.
          if (b.id === null || !this.toolUses.has(b.id)) {
            out.push(this.toolUse(b, at));
          }
          break;
        default:
      }
    }
    this.usage(line, at, out, first);
  }

  toolUse(b, at) {
    const name = b.name;
    const command = name === "Bash" ? b.command : null;
    if (b.id !== null) {
      this.toolUses.set(b.id, { name, command });
    }
    let kind = Kind.TOOL_CALL;
    if (name === "Task" || name === "Agent") {
      kind = Kind.SUBAGENT_CALL;
    } else if (name === "EnterPlanMode" || name === "ExitPlanMode") {
      kind = Kind.PLAN_MODE;
    }
    return event(kind, at, 0, null, name, command, b.filePath);
  }

  usage(line, at, out, first) {
    if (!line.hasUsage) {
      return;
    }
    let input = line.inputTokens + line.cacheCreationTokens + line.cacheReadTokens;
    let output = line.outputTokens;
    if (line.messageId !== null || line.requestId !== null) {
      // ClaudeSessionBuilder.usage: a message written over several lines counts at its largest.
      const rise = this.project.usage.add(`${line.messageId}\u0000${line.requestId}`, input, output);
      input = rise.input;
      output = rise.output;
    }
    if (input === 0 && output === 0) {
      return;
    }
    if (out.length === first) {
      out.push(event(Kind.ASSISTANT_TEXT, at, 0, null, null, null, null, false, input, output));
      return;
    }
    const e = out[first];
    out[first] = { ...e, inputTokens: e.inputTokens + input, outputTokens: e.outputTokens + output };
  }

  system(line, at, out) {
    const subtype = line.subtype === null ? "" : line.subtype;
    const content = line.content === null ? "" : line.content;
    if (subtype === "compact_boundary") {
      if (!this.compactionPending) {
        out.push(event(Kind.COMPACTION, at));
      }
      this.compactionPending = true;
    } else if (line.level === "error" || subtype === "api_error" || content.startsWith("API Error")) {
      out.push(event(Kind.API_ERROR, at, content.length, null, null, null, null, true));
    } else if (subtype === "local_command" && content.length > 0) {
      if (classifyText(content) === Kind.SLASH_COMMAND) {
        out.push(command(content, at));
      } else {
        out.push(event(Kind.INJECTED, at, content.length));
      }
    }
  }

  attachment(line, at, out, side) {
    if (line.attachmentType !== "queued_command" || line.attachmentPrompt === null) {
      return;
    }
    const prompt = line.attachmentPrompt;
    if (!side && (this.deliverQueued(prompt) || take(this.removed, strip(prompt)) !== null) || isCommand(prompt)) {
      return;
    }
    if (classifyText(prompt) === Kind.PROMPT) {
      out.push(promptEvent(Kind.QUEUE_STEERING, at, prompt));
    } else {
      out.push(event(Kind.INJECTED, at, prompt.length));
    }
  }

  queue(line, at) {
    switch (line.operation === null ? "" : line.operation) {
      case "enqueue":
        if (line.content !== null && !isBlank(line.content) && classifyText(line.content) === Kind.PROMPT
            && !isCommand(line.content) && !this.queuedAgain(strip(line.content), at)) {
          this.events.push(promptEvent(Kind.QUEUE_STEERING, at, line.content));
          this.queued.push({ text: strip(line.content), index: this.events.length - 1 });
        }
        break;
      case "remove": {
        const item = line.content !== null ? take(this.queued, strip(line.content))
          : (this.queued.length > 0 ? this.queued.shift() : null);
        if (item !== null) {
          this.removed.push(item);
        }
        break;
      }
      case "popAll":
        for (const q of this.queued) {
          this.events[q.index] = null;
        }
        this.queued = [];
        break;
      default:
    }
  }

  /** ClaudeSessionBuilder.queuedAgain: the text queued just before, again within two seconds. */
  queuedAgain(text, at) {
    const last = this.lastQueuedAt;
    const again = at !== null && last !== null && text === this.lastQueuedText && compareInstants(at, last) >= 0
      && compareInstants(at, { ms: last.ms + REQUEUED_MS, sub: last.sub }) < 0;
    this.lastQueuedText = text;
    this.lastQueuedAt = at;
    return again;
  }

  deliverQueued(text) {
    return this.queued.length > 0 && take(this.queued, strip(text)) !== null;
  }

  permissionMode(mode, at) {
    if (mode === null) {
      return;
    }
    const plan = mode === "plan";
    if (plan !== this.inPlanMode) {
      this.events.push(event(Kind.PLAN_MODE, at));
      this.inPlanMode = plan;
    }
  }
}

function take(items, text) {
  const i = items.findIndex(q => q.text === text);
  return i < 0 ? null : items.splice(i, 1)[0];
}

function parent(path) {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.substring(0, slash);
}

function baseName(path) {
  return path.substring(path.lastIndexOf("/") + 1);
}

function comparePaths(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ClaudeCodeReader over a set of files ({file, path}; path relative to what the visitor picked,
 * "/"-separated, or the bare name of a dropped file): grouped into project folders by parent
 * path, sessions of a project oldest first, subagent files attached to their parent session.
 * Each session goes to {@code sink} as soon as it is complete.
 */
/** ClaudeCodeReader.subagentsFolder: the nearest "subagents" folder up to three levels up, in a session folder. */
function subagentsFolder(dir) {
  let at = dir;
  for (let up = 0; up < 3 && at !== ""; up++, at = parent(at)) {
    if (baseName(at) === "subagents" && at.includes("/")) {
      return at;
    }
  }
  return null;
}

export async function readClaude(entries, sink, report, options = {}) {
  const projects = new Map();
  const project = key => {
    if (!projects.has(key)) {
      projects.set(key, { sessions: [], subagentsByParent: new Map(), looseSubagents: [] });
    }
    return projects.get(key);
  };
  for (const entry of [...entries].sort((a, b) => comparePaths(a.path, b.path))) {
    const dir = parent(entry.path);
    const subagents = subagentsFolder(dir);
    if (subagents !== null) {
      // ClaudeCodeReader.classify: agent-*.jsonl anywhere under <sessionId>/subagents/ (also
      // subagents/workflows/<run>/) belong to that session; the workflow's journal.jsonl is no session.
      if (lines.stem(entry.path).startsWith("agent-")) {
        const sessionDir = parent(subagents);
        const byParent = project(parent(sessionDir)).subagentsByParent;
        const id = baseName(sessionDir);
        if (!byParent.has(id)) {
          byParent.set(id, []);
        }
        byParent.get(id).push(entry);
      }
    } else if (lines.stem(entry.path).startsWith("agent-")) {
      project(dir).looseSubagents.push(entry);
    } else {
      project(dir).sessions.push(entry);
    }
  }
  await gatherCopies(projects, options);
  for (const key of [...projects.keys()].sort(comparePaths)) {
    await readProject(key, projects.get(key), sink, report, options);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * ClaudeCodeReader.gatherCopies: copies of one session kept in several folders (Entire's
 * checkpoints, a backup) join the project folder of the first, with their subagents, so that read
 * longest first the others add nothing and are counted as copies.
 */
async function gatherCopies(projects, options) {
  // Entire's transcript.jsonl names no session, but its first prompt's id is the promptId of a
  // Claude Code log of the same session: a copy of one kept as full.jsonl, or the session's own
  // log in a project folder, is that session. Files named after their session are looked at for
  // it only when there is an Entire transcript to link.
  const sessionOfPrompt = new Map();
  let entire = false;
  for (const named of [false, true]) {
    for (const key of [...projects.keys()].sort(comparePaths)) {
      for (const entry of projects.get(key).sessions) {
        const stem = lines.stem(entry.path);
        if (UUID.test(stem) !== named || named && !entire) {
          continue;
        }
        // kept, so the project's reading does not look again
        entry.head = { ...await peek(entry, options, true) };
        const head = entry.head;
        entire = entire || head.entire;
        if (!head.entire && head.sessionId !== null && head.promptId !== null && !sessionOfPrompt.has(head.promptId)) {
          sessionOfPrompt.set(head.promptId, sessionId(stem, head.sessionId));
        }
      }
    }
  }
  const firstFolder = new Map();
  for (const key of [...projects.keys()].sort(comparePaths)) {
    const here = projects.get(key);
    const kept = [];
    const movedTo = new Map();
    for (const entry of here.sessions) {
      const name = lines.stem(entry.path);
      if (entry.head && entry.head.entire && entry.head.sessionId !== null
          && sessionOfPrompt.has(entry.head.sessionId)) {
        entry.head.sessionId = sessionOfPrompt.get(entry.head.sessionId);
      }
      const id = UUID.test(name) ? name : sessionId(name, entry.head.sessionId);
      if (!firstFolder.has(id)) {
        firstFolder.set(id, key);
      }
      const first = firstFolder.get(id);
      if (first !== key) {
        const there = projects.get(first);
        there.sessions.push(entry);
        if (here.subagentsByParent.has(name)) {
          if (!there.subagentsByParent.has(name)) {
            there.subagentsByParent.set(name, []);
          }
          there.subagentsByParent.get(name).push(...here.subagentsByParent.get(name));
          here.subagentsByParent.delete(name);
        }
        movedTo.set(id, there);
      } else {
        kept.push(entry);
      }
    }
    here.sessions = kept;
    if (movedTo.size > 0) {
      // Subagent transcripts beside the sessions (the old layout) name their session in their lines.
      const stay = [];
      for (const loose of here.looseSubagents) {
        const there = movedTo.get(String((await peek(loose, options)).sessionId));
        if (there !== undefined) {
          there.looseSubagents.push(loose);
        } else {
          stay.push(loose);
        }
      }
      here.looseSubagents = stay;
    }
  }
}

/** ClaudeCodeReader.longestCopyFirst: the files of one session where the first stands, longest first. */
function longestCopyFirst(heads) {
  const byId = new Map();
  for (const head of heads) {
    head.id = sessionId(lines.stem(head.entry.path), head.sessionId);
    if (!byId.has(head.id)) {
      byId.set(head.id, []);
    }
    byId.get(head.id).push(head);
  }
  const ordered = [];
  for (const copies of byId.values()) {
    if (copies.length > 1) {
      // Claude Code's own logs before Entire's transcripts of them, which keep less; then longest
      // first (stable: ties keep their order).
      copies.sort((a, b) => (a.entire === b.entire ? 0 : a.entire ? 1 : -1) || b.entry.file.size - a.entry.file.size);
    }
    ordered.push(...copies);
  }
  return ordered;
}

/**
 * ClaudeCodeReader.sessionId: the file's name when it is a UUID, as Claude Code names a session's
 * file; else (Entire's full.jsonl, a renamed copy) the session its lines name, when they name one.
 */
export function sessionId(fileName, named) {
  return UUID.test(fileName) || named === null || named === "" ? fileName : named;
}

async function readProject(dir, files, sink, report, options) {
  const repoId = baseName(dir);
  const subagents = new Map(files.subagentsByParent);
  for (const loose of files.looseSubagents) {
    const head = await peek(loose, options);
    const key = head.sessionId === null ? "" : head.sessionId;
    if (!subagents.has(key)) {
      subagents.set(key, []);
    }
    subagents.get(key).push(loose);
  }
  const sessions = [];
  for (const entry of files.sessions) {
    sessions.push({ ...await peek(entry, options), entry });
  }
  sessions.sort((a, b) => compareDated(a.first, b.first, a.entry.path, b.entry.path));
  const shared = new Project();
  const longest = new Map();
  let reading = null;
  for (const head of longestCopyFirst(sessions)) {
    const name = lines.stem(head.entry.path);
    const id = head.id;
    const longer = longest.has(id) ? longest.get(id) : null;
    const gzipped = head.entry.path.endsWith(".gz") || longer !== null && longer.path.endsWith(".gz");
    if (longer !== null && (head.entire && head.sessionId !== null && !gzipped
        || await lines.prefixOf(head.entry, longer))) {
      // ClaudeCodeReader: every byte is in the longer copy read before it; an Entire transcript
      // starting with the same prompt is the same session, kept whole at each checkpoint.
      report.sessionCopy(head.entry.path);
      continue;
    }
    if (longer === null) {
      longest.set(id, head.entry);
    }
    if (longer !== null && !head.entire && reading !== null && reading.id === id) {
      // ClaudeCodeReader: a copy not wholly in the longer one; its lines the files read before
      // held add nothing, the others join the session, counted once; so do its own subagents'.
      reading.builder.joinCopy(await heldUuids(reading, options));
      await lines.read(head.entry, handler(reading.builder, false), report, options);
      for (const sub of subagents.get(name) || []) {
        reading.builder.subagent(lines.stem(sub.path).substring("agent-".length));
        await lines.read(sub, handler(reading.builder, true), report, options);
        reading.entries.push(sub);
      }
      subagents.delete(name);
      reading.entries.push(head.entry);
      report.sessionCopy(head.entry.path);
      continue;
    }
    finish(reading, repoId, sink, report);
    const builder = new SessionBuilder(shared, id);
    const readable = await lines.read(head.entry, handler(builder, false), report, options);
    reading = { id, path: head.entry.path, builder, readable, entries: [head.entry], held: null };
    for (const key of id === name ? [name] : [name, id]) {
      for (const sub of subagents.get(key) || []) {
        builder.subagent(lines.stem(sub.path).substring("agent-".length));
        await lines.read(sub, handler(builder, true), report, options);
        reading.entries.push(sub);
      }
      subagents.delete(key);
    }
  }
  finish(reading, repoId, sink, report);
  for (const key of [...subagents.keys()].sort(comparePaths)) {
    for (const sub of subagents.get(key)) {
      report.skip(sub.path, 0, key.length === 0
        ? "subagent transcript that names no parent session, skipped"
        : "subagent transcript whose parent session " + key + " is not here, skipped");
    }
  }
}

/**
 * ClaudeCodeReader.Reading.heldUuids: the uuid of every line of the files read into the session
 * so far, read again only when a copy comes to be joined.
 */
async function heldUuids(reading, options) {
  if (reading.held === null) {
    reading.held = new Set();
  }
  for (const entry of reading.entries) {
    let line = null;
    await lines.read(entry, {
      parse(o) {
        line = claudeLine(o);
      },
      accept() {
        if (line.uuid !== null) {
          reading.held.add(line.uuid);
        }
        return true;
      }
    }, new ReadReport(), options);
  }
  reading.entries = [];
  return reading.held;
}

/** ClaudeCodeReader.finish: hands the session read on, once every copy of it has been read. */
function finish(reading, repoId, sink, report) {
  if (reading === null) {
    return;
  }
  const builder = reading.builder;
  if (builder.isEmpty()) {
    if (reading.readable && builder.parentId !== null) {
      report.sessionCopy(reading.path); // ClaudeCodeReader: wholly a replay of a session read before it
    } else if (reading.readable) {
      report.emptySession(reading.path);
    }
  } else {
    const session = builder.build(repoId, reading.path);
    report.sessionRead(session);
    sink(session);
  }
}

function handler(builder, subagent) {
  let line = null;
  return {
    parse(o) {
      line = claudeLine(o);
    },
    accept() {
      const mapped = builder.accept(line, subagent);
      const results = toResults(line);
      if (results !== null) {
        builder.accept(results, subagent); // an Entire line's tool calls carry their results
      }
      return mapped;
    }
  };
}

/**
 * What the head of a file says: its first timestamp and session id, from its first 50 lines.
 * An entry may bring its head along ({@code entry.head}), read while telling formats apart.
 */
async function peek(entry, options, promptId = false) {
  if (entry.head) {
    return entry.head;
  }
  const head = new Head(promptId);
  await lines.peek(entry, Head.LINES, head.handler(), () => head.complete(), { cancelled: options.cancelled });
  return head.value();
}

/**
 * Gathers a file's first timestamp and session id, line by line, as the Java peek does; with
 * {@code promptId}, it reads on (within its first lines) until a prompt's id is seen too.
 */
export class Head {
  static LINES = PEEK_LINES;

  constructor(promptId = false) {
    this.first = null;
    this.sessionId = null;
    this.promptId = null;
    this.entire = false;
    this.wantsPromptId = promptId;
  }

  /** Takes one valid line of the head. */
  add(o) {
    const line = claudeLine(o);
    if (this.first === null) {
      this.first = parseTimestamp(line.timestamp);
    }
    this.entire = this.entire || line.entire;
    if (this.promptId === null && line.type === "user") {
      this.promptId = line.promptId;
    }
    if (this.sessionId === null) {
      // Entire's lines name no session; its first prompt's id is the same in every copy.
      this.sessionId = line.entire ? line.promptId : line.sessionId;
    }
  }

  complete() {
    return this.first !== null && this.sessionId !== null && (!this.wantsPromptId || this.promptId !== null);
  }

  value() {
    return { first: this.first, sessionId: this.sessionId, promptId: this.promptId, entire: this.entire };
  }

  handler() {
    return {
      parse: o => this.add(o),
      accept: () => true
    };
  }
}
