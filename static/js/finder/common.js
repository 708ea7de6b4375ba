/*
 * What both log readers share, ported from dev.personas.load and dev.personas.session: the
 * event kinds, ISO-8601 timestamps, the compact set of seen keys and the read report.
 */

/** EventKind, in the Java declaration order. */
export const Kind = Object.freeze({
  PROMPT: "PROMPT",
  QUEUE_STEERING: "QUEUE_STEERING",
  SLASH_COMMAND: "SLASH_COMMAND",
  BASH_MODE: "BASH_MODE",
  INTERRUPT: "INTERRUPT",
  INJECTED: "INJECTED",
  ASSISTANT_TEXT: "ASSISTANT_TEXT",
  THINKING: "THINKING",
  TOOL_CALL: "TOOL_CALL",
  TOOL_RESULT: "TOOL_RESULT",
  SUBAGENT_CALL: "SUBAGENT_CALL",
  PLAN_MODE: "PLAN_MODE",
  COMPACTION: "COMPACTION",
  API_ERROR: "API_ERROR"
});

/** Session.recordsNoTime: events, and none of them (its subagents' included) records a time. */
export function recordsNoTime(session) {
  const untimed = e => e.at === null || e.at === undefined;
  return (session.events.length > 0 || session.subagentEvents.length > 0)
    && session.events.every(untimed) && session.subagentEvents.every(untimed);
}

export function isTypedPrompt(kind) {
  return kind === Kind.PROMPT || kind === Kind.QUEUE_STEERING;
}

/**
 * One event (dev.personas.session.Event). {@code at} is an {@link Instant} or null; text is
 * kept only for prompts.
 */
export function event(kind, at, textLength = 0, text = null, toolName = null, command = null, filePath = null,
    isError = false, inputTokens = 0, outputTokens = 0) {
  return { kind, at, textLength, text, toolName, command, filePath, isError, inputTokens, outputTokens };
}

export function promptEvent(kind, at, text) {
  return event(kind, at, text.length, text);
}

/** An instant: epoch milliseconds (floored, as Instant.toEpochMilli) and the nanoseconds beyond. */
export function instant(ms, subNanos) {
  return { ms, sub: subNanos };
}

/** Instant.compareTo. */
export function compareInstants(a, b) {
  return a.ms !== b.ms ? (a.ms < b.ms ? -1 : 1) : a.sub - b.sub;
}

/**
 * Timestamps.inTimeOrder: the events in time order, for a session read from several copies one
 * after another; an event with no time keeps its place after the event before it. Stable.
 */
export function inTimeOrder(events) {
  const when = [];
  let last = null;
  for (const e of events) {
    last = e.at === null ? last : e.at;
    when.push(last);
  }
  const order = events.map((e, i) => i);
  order.sort((a, b) => when[a] === null || when[b] === null
    ? (when[a] === when[b] ? 0 : when[a] === null ? -1 : 1)
    : compareInstants(when[a], when[b]));
  return order.map(i => events[i]);
}

/** Comparator.nullsLast(Instant::compareTo), then the strings {@code x} and {@code y}. */
export function compareDated(a, b, x, y) {
  if (a === null || b === null) {
    if (a !== b) {
      return a === null ? 1 : -1;
    }
  } else if (compareInstants(a, b) !== 0) {
    return compareInstants(a, b);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

function epochDay(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysIn(year, month) {
  if (month === 2) {
    return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Instant.parse (Java 17 ISO_INSTANT): seconds required, 0-9 fraction digits, Z or an offset.
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{0,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/i;

/** Timestamps.parse: the instant an ISO-8601 timestamp names, or null. */
export function parseTimestamp(text) {
  if (typeof text !== "string") {
    return null;
  }
  const m = ISO.exec(text);
  if (m === null) {
    return null;
  }
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  let second = +m[6];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 24 || minute > 59 || second > 60) {
    return null;
  }
  const digits = m[7] || "";
  const nanos = digits.length === 0 ? 0 : +(digits + "000000000".substring(digits.length));
  if (hour === 24 && (minute !== 0 || second !== 0 || nanos !== 0)) {
    // ISO-8601's end of a day, 24:00:00, is the next day's midnight to java.time; no other time past 23:59.
    return null;
  }
  if (second === 60) {
    // A leap second: java.time reads 23:59:60 as 23:59:59 and refuses it elsewhere.
    if (hour !== 23 || minute !== 59) {
      return null;
    }
    second = 59;
  }
  let offsetSeconds = 0;
  const zone = m[8];
  if (zone !== "Z" && zone !== "z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const oh = +zone.substring(1, 3);
    const om = +zone.substring(4, 6);
    const os = zone.length > 6 ? +zone.substring(7, 9) : 0;
    if (oh > 18 || om > 59 || os > 59 || oh === 18 && (om > 0 || os > 0)) {
      return null;
    }
    offsetSeconds = sign * (oh * 3600 + om * 60 + os);
  }
  const seconds = epochDay(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  return instant(seconds * 1000 + Math.floor(nanos / 1e6), nanos % 1e6);
}

/** The UTC day of an instant, "YYYY-MM-DD" (LocalDate.ofInstant(…, UTC)); the epoch day for null. */
export function utcDate(at) {
  return new Date(at === null ? 0 : at.ms).toISOString().substring(0, 10);
}

/**
 * SeenKeys: string keys stored as 64-bit hashes (FNV-1a over the UTF-16 units, then a murmur
 * finaliser), each with the owner that first had it. The same hash as the Java code, so even a
 * collision (too unlikely to matter) would be the same one; the win, as there, is memory: a
 * Codex item key holds the item's whole text.
 */
export class SeenKeys {
  constructor() {
    this.owners = new Map();
  }

  /** Adds a key; returns -1 when it is new, else the owner it was first added with. */
  addIfAbsent(key, owner) {
    return this.addHashIfAbsent(hash(key), owner);
  }

  /** addIfAbsent for a key already hashed with {@link hash}. */
  addHashIfAbsent(h, owner) {
    const found = this.owners.get(h);
    if (found !== undefined) {
      return found;
    }
    this.owners.set(h, owner);
    return -1;
  }

  contains(key) {
    return this.owners.has(hash(key));
  }
}

/**
 * MessageUsage: the tokens counted so far per API message (message.id + requestId), so a message
 * written over several lines counts once, at its largest; each line adds its rise over the lines
 * before (never below zero).
 */
export class MessageUsage {
  constructor() {
    this.counted = new Map();
  }

  /** Records a line's usage of the message and returns what it adds: {input, output}. */
  add(key, input, output) {
    const h = hash(key);
    const before = this.counted.get(h);
    if (before === undefined) {
      this.counted.set(h, { input, output });
      return { input, output };
    }
    const rise = { input: Math.max(0, input - before.input), output: Math.max(0, output - before.output) };
    before.input = Math.max(before.input, input);
    before.output = Math.max(before.output, output);
    return rise;
  }
}

const MASK = (1n << 64n) - 1n;

export function hash(key) {
  // FNV-1a in two 32-bit halves: the prime is 2^40 + 0x1b3.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < key.length; i++) {
    lo = (lo ^ key.charCodeAt(i)) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 4294967296);
    const newHi = (Math.imul(hi, 0x1b3) + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
    hi = newHi;
  }
  let h = (BigInt(hi) << 32n) | BigInt(lo);
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & MASK;
  h ^= h >> 33n;
  h = (h * 0xc4ceb93e185a64c5n) & MASK;
  h ^= h >> 33n;
  return h;
}

/** What happened while reading (ReadReport): files and lines read, every skip located. */
export class ReadReport {
  constructor() {
    this.skips = [];
    this.filesWithSkips = new Set();
    this.skipCount = 0;
    this.lineSkipCount = 0;
    this.linesParsed = 0;
    this.linesIgnored = 0;
    this.linesRepaired = 0;
    this.firstRepaired = null;
    this.emptySessions = 0;
    this.subagentSessions = 0;
    this.sessionCopies = 0;
    this.filesRead = 0;
    this.linesRead = 0;
    this.bytesRead = 0;
    this.sessions = 0;
    this.untimedSessions = 0;
  }

  skip(file, line, reason) {
    this.skipCount++;
    if (line > 0) {
      this.lineSkipCount++;
    }
    this.filesWithSkips.add(file);
    if (this.skips.length < 10000) {
      this.skips.push({ file, line, reason });
    }
  }

  fileRead(lines, parsed, ignored, repaired, bytes) {
    this.filesRead++;
    this.linesRead += lines;
    this.bytesRead += bytes;
    this.linesParsed += parsed;
    this.linesIgnored += ignored;
    this.linesRepaired += repaired;
  }

  /** ReadReport.repairedAt: where the first line with invalid UTF-8 was read, for the summary. */
  repairedAt(file, line) {
    if (this.firstRepaired === null) {
      this.firstRepaired = { file, line };
    }
  }

  emptySession() {
    this.emptySessions++;
  }

  /** ReadReport.subagentSession: a Codex sub-agent's rollout left out (a guardian's review, a thread whose session was not read). */
  subagentSession() {
    this.subagentSessions++;
  }

  /** ReadReport.sessionCopy: a copy of a session already read from another copy. */
  sessionCopy() {
    this.sessionCopies++;
  }

  /** A session read; one none of whose events (its subagents' included) records a time is counted for the summary. */
  sessionRead(session) {
    this.sessions++;
    if (session && recordsNoTime(session)) {
      this.untimedSessions++;
    }
  }

  /** The CLI's one-line summary; {@code where} replaces its "--verbose lists them". */
  summary(where = "--verbose lists them") {
    let out;
    if (this.skipCount === 0) {
      out = "skipped nothing";
    } else {
      const files = this.filesWithSkips.size;
      out = "skipped " + this.skipCount + (this.skipCount === 1 ? " line or file" : " lines or files")
        + " in " + files + (files === 1 ? " file" : " files") + "; " + where;
    }
    if (this.emptySessions > 0) {
      out += "; " + this.emptySessions + (this.emptySessions === 1 ? " session file held" : " session files held")
        + " no conversation";
    }
    if (this.subagentSessions > 0) {
      out += "; " + this.subagentSessions + (this.subagentSessions === 1 ? " Codex sub-agent session" : " Codex sub-agent sessions")
        + " (a guardian's review, or a thread spawned in a session not read) left out";
    }
    if (this.sessionCopies > 0) {
      out += "; " + this.sessionCopies + (this.sessionCopies === 1 ? " file was a copy" : " files were copies")
        + " of a session read from another copy, not counted again";
    }
    if (this.linesRepaired > 0) {
      out += "; " + this.linesRepaired + (this.linesRepaired === 1 ? " line had" : " lines had")
        + " invalid UTF-8, read with replacement characters";
      if (this.firstRepaired !== null) {
        out += " (" + (this.linesRepaired === 1 ? "at " : "the first at ")
          + this.firstRepaired.file + ":" + this.firstRepaired.line + ")";
      }
    }
    if (this.untimedSessions > 0) {
      out += "; " + this.untimedSessions + (this.untimedSessions === 1
        ? " session records no time on its events, so its active time is estimated from its prompts and tool calls"
        : " sessions record no time on their events, so their active time is estimated from their prompts and tool calls");
    }
    return out;
  }

  /** A skip as the CLI prints it: "file:line: reason", or "file: reason" for a whole file. */
  static format(skip) {
    return skip.line > 0 ? skip.file + ":" + skip.line + ": " + skip.reason : skip.file + ": " + skip.reason;
  }
}
