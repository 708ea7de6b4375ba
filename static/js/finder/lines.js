/*
 * Reads a JSON Lines log (.jsonl, or .jsonl.gz through the browser's gunzip) from a File, one
 * line at a time, the way dev.personas.load.JsonLines does: lines are cut from the byte stream
 * (File.stream(), so memory holds one chunk and one line, never the file), decoded as strict
 * UTF-8 (a line with invalid bytes is read again with replacement characters and counted as
 * repaired), parsed, and handed to a handler. A malformed, truncated or non-object line is
 * reported with its file:line and skipped; a file whose first lines are all non-JSON is
 * reported once as a whole. Cancelling stops at the next chunk.
 */

// Each line is decoded on its own and a byte-order mark at its start dropped: Jackson, which the
// Java reader gives a parser per line, skips one there too.
const STRICT = new TextDecoder("utf-8", { fatal: true });
const LENIENT = new TextDecoder("utf-8");
// Token counts written as decimals (1.0, 1e3): the one place the Java reader tells a JSON
// integer from a decimal (JsonLines.count reads a decimal as no count).
const DECIMAL_TOKENS = /_tokens"\s*:\s*-?\d+(?:\.|[eE])/;
/** Leading lines that all fail (none looking like JSON) before a file is called "not JSON Lines". */
const SNIFF_LINES = 5;
const NEWLINE = 10;
/** Why a line that starts with a NUL byte was skipped (JsonLines.DAMAGED): a crash left it. */
const DAMAGED = "NUL bytes, not a line of the log (the file was damaged, for example by a crash while it was written)";

/** Thrown out of a read when the visitor cancelled; nothing is reported for it. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/** A line that is valid JSON but not what the reader expects; the message is the reason. */
class BadLine extends Error {}

/**
 * Reads every line of {@code entry} ({file, path}) into {@code handler} ({parse(obj),
 * accept(lineNumber) → boolean}) and records the file in {@code report}. Resolves true when the
 * file was read as JSON Lines (possibly with skipped lines), false when it was skipped whole.
 * {@code options}: cancelled() → boolean, onBytes(n) for progress.
 */
export async function read(entry, handler, report, options = {}) {
  const run = new Run(entry.path, handler, report);
  return run.run(entry, options);
}

/**
 * Reads at most {@code maxLines} lines without reporting anything, stopping as soon as
 * {@code done(linesRead)} says so: a quick look at the head of a file.
 */
export async function peek(entry, maxLines, handler, done = () => false, options = {}) {
  const run = new Run(entry.path, handler, null);
  run.maxLines = maxLines;
  run.done = done;
  try {
    await run.run(entry, options);
  } catch (e) {
    if (e instanceof Cancelled) {
      throw e;
    }
    // A head we cannot read tells the caller nothing; the full read reports the file.
  }
}

/** True for .jsonl and .jsonl.gz names (LogFiles.isJsonl). */
export function isJsonl(path) {
  return path.endsWith(".jsonl") || path.endsWith(".jsonl.gz");
}

/** The file name without .gz and .jsonl (LogFiles.stem). */
export function stem(path) {
  let name = path.substring(path.lastIndexOf("/") + 1);
  if (name.endsWith(".gz")) {
    name = name.substring(0, name.length - 3);
  }
  if (name.endsWith(".jsonl")) {
    name = name.substring(0, name.length - 6);
  }
  return name;
}

/**
 * ClaudeCodeReader.prefixOf: true when the shorter entry holds bytes and every one (unpacked, if
 * gzipped) begins the longer entry too.
 */
export async function prefixOf(shorter, longer) {
  try {
    const head = new Uint8Array(await new Response(bytesOf(shorter.file)).arrayBuffer());
    if (head.length === 0) {
      return false;
    }
    const reader = bytesOf(longer.file).getReader();
    let at = 0;
    try {
      while (at < head.length) {
        const { done, value } = await reader.read();
        if (done) {
          return false;
        }
        const n = Math.min(value.length, head.length - at);
        for (let i = 0; i < n; i++) {
          if (value[i] !== head[at + i]) {
            return false;
          }
        }
        at += n;
      }
      return true;
    } finally {
      reader.cancel().catch(() => {});
    }
  } catch (e) {
    return false; // read in full, and any damage reported, in its turn
  }
}

function bytesOf(file, onBytes) {
  let stream = file.stream();
  if (onBytes) {
    stream = stream.pipeThrough(new TransformStream({
      transform(chunk, controller) {
        onBytes(chunk.length);
        controller.enqueue(chunk);
      }
    }));
  }
  return file.name.endsWith(".gz") ? stream.pipeThrough(new DecompressionStream("gzip")) : stream;
}

function concat(parts, last) {
  let length = last.length;
  for (const p of parts) {
    length += p.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out.set(last, at);
  return out;
}

function describe(e) {
  let message = e && e.message ? String(e.message).trim() : String(e);
  const newline = message.indexOf("\n");
  if (newline > 0) {
    message = message.substring(0, newline);
  }
  return message.length > 160 ? message.substring(0, 160) + "…" : message;
}

function describeValue(v) {
  if (Array.isArray(v)) {
    return "an array";
  }
  switch (typeof v) {
    case "string": return "a string";
    case "number": return "a number";
    case "boolean": return "a boolean";
    default: return v === null ? "null" : "nothing";
  }
}

/** One pass over one file (JsonLines.Run). */
class Run {
  constructor(path, handler, report) {
    this.path = path;
    this.handler = handler;
    this.report = report;
    this.heldFailures = [];
    this.heldLines = [];
    this.lineNumber = 0;
    this.bytes = 0;
    this.parsed = 0;
    this.ignored = 0;
    this.repaired = 0;
    this.lineSkips = 0;
    this.anyJson = false;
    this.maxLines = Infinity;
    this.done = () => false;
  }

  async run(entry, options) {
    const cancelled = options.cancelled || (() => false);
    const reader = bytesOf(entry.file, options.onBytes).getReader();
    let parts = [];
    try {
      outer:
      while (this.lineNumber < this.maxLines && !this.done(this.lineNumber)) {
        if (cancelled()) {
          throw new Cancelled();
        }
        const { done, value } = await reader.read();
        if (done) {
          if (parts.length > 0) {
            this.line(concat(parts, new Uint8Array(0)));
            parts = [];
          }
          break;
        }
        this.bytes += value.length;
        let start = 0;
        while (start <= value.length) {
          const newline = value.indexOf(NEWLINE, start);
          if (newline < 0) {
            if (start < value.length) {
              parts.push(value.subarray(start));
            }
            break;
          }
          const bytes = parts.length > 0 ? concat(parts, value.subarray(start, newline)) : value.subarray(start, newline);
          parts = [];
          this.line(bytes);
          start = newline + 1;
          if (this.notJsonLines()) {
            return false;
          }
          if (this.lineNumber >= this.maxLines || this.done(this.lineNumber)) {
            break outer;
          }
        }
      }
    } catch (e) {
      if (e instanceof Cancelled) {
        throw e;
      }
      // A corrupt gzip or a file that changed: keep what was read, say where it stopped.
      this.flushHeld();
      this.skip(0, this.lineNumber === 0 ? "could not be read (" + describe(e) + "), skipped"
        : "could not read past line " + this.lineNumber + " (" + describe(e) + "); the lines before it were kept");
      this.fileRead();
      return this.lineNumber > 0;
    } finally {
      reader.cancel().catch(() => {});
    }
    if (!this.anyJson && this.heldFailures.length > 0 && this.lineSkips === 0) {
      this.skip(0, "not a JSON Lines log (no line is a JSON object), skipped");
      return false;
    }
    this.flushHeld();
    if (this.lineNumber === 0) {
      this.skip(0, "empty file, skipped");
      return false;
    }
    this.fileRead();
    return true;
  }

  fileRead() {
    if (this.report) {
      this.report.fileRead(this.lineNumber, this.parsed, this.ignored, this.repaired, this.bytes);
    }
  }

  skip(line, reason) {
    if (this.report) {
      this.report.skip(this.path, line, reason);
    }
  }

  /** True (after reporting the file) when the first lines show this is not JSON Lines at all. */
  notJsonLines() {
    if (this.anyJson || this.heldFailures.length < SNIFF_LINES || this.lineSkips > 0) {
      return false;
    }
    this.skip(0, "not a JSON Lines log (its first " + SNIFF_LINES + " lines are not JSON objects), skipped");
    return true;
  }

  line(bytes) {
    this.lineNumber++;
    let to = bytes.length;
    if (to > 0 && bytes[to - 1] === 13) {
      to--;
    }
    let first = 0;
    while (first < to && (bytes[first] === 32 || bytes[first] === 9 || bytes[first] === 13)) {
      first++;
    }
    if (first === to) {
      this.ignored++;
      return;
    }
    if (bytes[first] === 0) {
      this.fail(false, DAMAGED);
      return;
    }
    // JsonLines: a brace alone on its line opens a JSON document spread over many lines.
    let looksJson = bytes[first] === 0x7b;
    if (looksJson) {
      let rest = first + 1;
      while (rest < to && (bytes[rest] === 32 || bytes[rest] === 9 || bytes[rest] === 13)) {
        rest++;
      }
      looksJson = rest < to;
    }
    const slice = bytes.subarray(first, to);
    let text;
    let repaired = false;
    try {
      text = STRICT.decode(slice);
    } catch (e) {
      text = LENIENT.decode(slice);
      repaired = true;
    }
    let value;
    try {
      value = JSON.parse(text);
      if (DECIMAL_TOKENS.test(text)) {
        value = JSON.parse(text, decimalTokensAsNone);
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new BadLine("not a JSON object (" + describeValue(value) + ")");
      }
    } catch (e) {
      this.fail(looksJson, reason(e, text.length));
      return;
    }
    this.handler.parse(value);
    if (repaired && this.repaired++ === 0 && this.report) {
      this.report.repairedAt(this.path, this.lineNumber);
    }
    this.anyJson = true;
    this.flushHeld();
    if (this.handler.accept(this.lineNumber)) {
      this.parsed++;
    } else {
      this.ignored++;
    }
  }

  fail(looksJson, why) {
    if (!this.anyJson && !looksJson && this.lineSkips === 0) {
      this.heldFailures.push(why);
      this.heldLines.push(this.lineNumber);
      return;
    }
    this.flushHeld();
    this.lineSkips++;
    this.skip(this.lineNumber, why);
  }

  flushHeld() {
    for (let i = 0; i < this.heldFailures.length; i++) {
      this.lineSkips++;
      this.skip(this.heldLines[i], this.heldFailures[i]);
    }
    this.heldFailures = [];
    this.heldLines = [];
  }
}

// A reviver that sees each number's source text (JSON.parse source text access, Chromium 114+).
function decimalTokensAsNone(key, value, context) {
  return typeof value === "number" && key.endsWith("_tokens") && context && typeof context.source === "string"
    && /[.eE]/.test(context.source) ? NaN : value;
}

/**
 * Why a line failed; "truncated" when the parser ran out of text, as Jackson's end-of-input.
 * JsonLines.reason: nothing of the line is quoted (the parser's message quotes the text it
 * stopped at, which can be a secret).
 */
function reason(e, length) {
  if (e instanceof BadLine) {
    return e.message;
  }
  const message = describe(e);
  const position = /at position (\d+)/.exec(message);
  if (/end of JSON input|Unterminated/i.test(message) || position !== null && Number(position[1]) >= length) {
    return "truncated JSON";
  }
  return "malformed JSON";
}
