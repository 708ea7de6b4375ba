/*
 * Shell command lines as a reader of the log sees them, ported from dev.personas.features:
 * ShellCommands (quote-aware split into simple commands, redirections, comments and heredocs
 * dropped, wrappers such as env, timeout, npx, uv run or python -m stripped, bash -lc scripts
 * opened up), FileWrites (does the line write a file of the work?), TestCommands (did it run a
 * test suite?) and GitCommands (diff review, commits, pull requests).
 */
import { javaRegex, foldSafe, isUpperCase, isWhitespace, trim } from "./java.js";

const R = String.raw;
const MAX_CHARS = 64 * 1024;
const MAX_NESTING = 3;
const SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh"]);
const PLAIN_WRAPPERS = new Set(["sudo", "doas", "time", "nice", "nohup", "command", "exec", "builtin", "stdbuf",
  "xvfb-run", "caffeinate", "env", "npx", "bunx", "pnpx"]);
const RUN_WRAPPERS = new Set(["uv", "poetry", "pipenv", "pdm", "hatch", "rye", "conda", "mamba", "micromamba"]);
const OPTIONS_WITH_VALUE = new Set(["-n", "-p", "--name", "--prefix", "--with", "--extra", "--python", "--group",
  "--package", "--project", "-e", "--env", "-s", "-k", "--signal", "-u", "--user"]);
const PYTHON = javaRegex(R`python[0-9.]*|py|pypy[0-9.]*`, "M");
const NAME = javaRegex(R`[A-Za-z_][A-Za-z0-9_]*`, "M");

/** ShellCommands.parse: a line split once into its simple commands and whether it writes a file. */
export function parse(line) {
  const commands = [];
  const writes = { any: false, file: null };
  if (line !== null && line !== undefined) {
    collect(line.length > MAX_CHARS ? line.substring(0, MAX_CHARS) : line, 0, false, commands, writes);
  }
  return { commands, writesFiles: writes.any, writtenFile: writes.file };
}

/** ShellCommands.Writes.add: null when nothing, "" when a file not named, else the file. */
function addWrite(writes, written) {
  if (written !== null) {
    writes.any = true;
    writes.file = writes.file === null && written.length > 0 ? written : writes.file;
  }
}

/** ShellCommands.program: the first word without directories, lower-cased if it has capitals. */
export function program(words) {
  if (words.length === 0) {
    return "";
  }
  const first = words[0];
  const slash = Math.max(first.lastIndexOf("/"), first.lastIndexOf("\\"));
  const name = slash < 0 ? first : first.substring(slash + 1);
  for (let i = 0; i < name.length; i++) {
    if (isUpperCase(name[i])) {
      return name.toLowerCase();
    }
  }
  return name;
}

export function firstOperand(words, from) {
  let i = from;
  while (i < words.length && words[i].startsWith("-")) {
    i++;
  }
  return i;
}

function collect(line, depth, inScratch, out, writes) {
  let scratch = inScratch;
  for (const segment of split(line)) {
    const words = stripWrappers(segment.words);
    addWrite(writes, redirected(segment.outputs, scratch));
    if (words.length === 0) {
      continue;
    }
    const script = shellScript(words);
    if (script !== null && depth < MAX_NESTING) {
      collect(script, depth + 1, scratch, out, writes);
    } else {
      out.push(words);
      addWrite(writes, written(words, segment.input.text, scratch));
      scratch = changesIntoScratch(words, scratch);
    }
  }
}

function shellScript(words) {
  if (!SHELLS.has(program(words))) {
    return null;
  }
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i];
    if (w.startsWith("-") && !w.startsWith("--") && w.indexOf("c") > 0) {
      return words[i + 1];
    }
  }
  return null;
}

function stripWrappers(words) {
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    const p = program(words.slice(i));
    if (isAssignment(w)) {
      i++;
    } else if (PLAIN_WRAPPERS.has(p)) {
      i = skipOptions(words, i + 1, true);
    } else if (p === "timeout") {
      i = skipOptions(words, i + 1, false) + 1;
    } else if (RUN_WRAPPERS.has(p) && i + 1 < words.length && words[i + 1] === "run") {
      i = skipOptions(words, i + 2, false);
    } else if ((p === "bundle" || p === "pnpm" || p === "npm" || p === "yarn") && i + 1 < words.length
        && (words[i + 1] === "exec" || words[i + 1] === "dlx")) {
      i = skipOptions(words, i + 2, false);
    } else if (p.startsWith("py") && PYTHON.test(p) && i + 1 < words.length) {
      const m = firstOperand(words, i + 1);
      if (m > i + 1 && words[m - 1] === "-m") {
        i = m;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return i >= words.length ? [] : words.slice(i);
}

function skipOptions(words, from, skipNumbers) {
  let i = from;
  while (i < words.length) {
    const w = words[i];
    if (w.startsWith("-")) {
      i += OPTIONS_WITH_VALUE.has(w) ? 2 : 1;
    } else if (isAssignment(w) || (skipNumbers && isNumber(w))) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

function isAssignment(w) {
  const eq = w.indexOf("=");
  return eq > 0 && NAME.test(w.substring(0, eq));
}

function isNumber(w) {
  if (w.length === 0) {
    return false;
  }
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

/**
 * Quote-aware split on control operators and newlines; heredoc bodies are kept as the input of the
 * command that reads them, stdout redirections' targets as its outputs.
 */
function split(s) {
  const segments = [];
  let words = [];
  let outputs = [];
  let feeds = false;
  let reading = null;
  let arithmetic = 0;
  let word = "";
  let inWord = false;
  let heredocs = [];
  const n = s.length;
  let i = 0;
  const endWord = () => {
    if (inWord) {
      words.push(word);
      word = "";
    }
    inWord = false;
  };
  const endSegment = () => {
    let ended = null;
    if (words.length > 0) {
      ended = { words, outputs, input: { text: "" } };
      segments.push(ended);
    } else if (outputs.length > 0) {
      segments.push({ words: [], outputs, input: { text: "" } });
    }
    words = [];
    outputs = [];
    return ended;
  };
  while (i < n) {
    const c = s[i];
    if (c === "'") {
      let end = s.indexOf("'", i + 1);
      end = end < 0 ? n : end;
      word += s.substring(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === "\"") {
      const read = readDoubleQuoted(s, i + 1);
      word += read.text;
      i = read.next;
      inWord = true;
    } else if (c === "\\") {
      if (i + 1 < n && s[i + 1] !== "\n") {
        word += s[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (c === " " || c === "\t" || c === "\r") {
      endWord();
      i++;
    } else if (c === "\n") {
      endWord();
      const ended = endSegment();
      reading = feeds && reading === null ? ended : reading;
      i = heredocs.length === 0 ? i + 1 : readHeredocs(s, i + 1, heredocs, reading === null ? { text: "" } : reading.input);
      heredocs = [];
      feeds = false;
      reading = null;
    } else if (c === "#" && !inWord) {
      const end = s.indexOf("\n", i);
      i = end < 0 ? n : end;
    } else if (c === "<" && i + 1 < n && s[i + 1] === "<" && (i + 2 >= n || s[i + 2] !== "<")) {
      endWord();
      i += 2;
      if (i < n && s[i] === "-") {
        i++;
      }
      const target = readTarget(s, i);
      i = target.next;
      if (target.text.length > 0) {
        heredocs.push(target.text.replaceAll("\\", ""));
        feeds = true;
      }
    } else if (c === ">" || c === "<" || (c === "&" && i + 1 < n && s[i + 1] === ">")) {
      const comparison = arithmetic > 0 || words.length > 0 && words[0] === "[[";
      let stdout = c !== "<" && !comparison;
      if (inWord && isNumber(word)) {
        stdout = stdout && word === "1";
        word = "";
        inWord = false;
      }
      endWord();
      let duplicates = false;
      i++;
      while (i < n && (s[i] === ">" || s[i] === "&" || s[i] === "|" || c === "<" && s[i] === "<")) {
        duplicates = duplicates || s[i] === "&" && c === ">";
        i++;
      }
      const target = readTarget(s, i);
      i = target.next;
      if (stdout && !duplicates) {
        outputs.push(target.text);
      }
    } else if (c === ";" || c === "|" || c === "&" || c === "(" || c === ")" || c === "`"
        || c === "{" && !inWord && (i + 1 >= n || isWhitespace(s.charCodeAt(i + 1)))
        || c === "}" && !inWord) {
      endWord();
      const ended = endSegment();
      reading = feeds && reading === null ? ended : reading;
      feeds = false;
      if (c === "(" && i + 1 < n && s[i + 1] === "(") {
        arithmetic++;
        i++;
      } else if (c === ")" && arithmetic > 0 && i + 1 < n && s[i + 1] === ")") {
        arithmetic--;
        i++;
      }
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endWord();
  endSegment();
  return segments;
}

function readDoubleQuoted(s, from) {
  let i = from;
  let text = "";
  while (i < s.length && s[i] !== "\"") {
    const c = s[i];
    if (c === "\\" && i + 1 < s.length && "\"\\$`\n".includes(s[i + 1])) {
      text += s[i + 1];
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  return { text, next: i + 1 };
}

function readTarget(s, from) {
  let i = from;
  let text = "";
  while (i < s.length && (s[i] === " " || s[i] === "\t")) {
    i++;
  }
  while (i < s.length && !" \t\r\n;&|()<>".includes(s[i])) {
    const c = s[i];
    if (c === "'" || c === "\"") {
      let end = s.indexOf(c, i + 1);
      end = end < 0 ? s.length : end;
      text += s.substring(i + 1, end);
      i = end + 1;
    } else {
      text += c;
      i++;
    }
  }
  return { text, next: Math.min(i, s.length) };
}

function readHeredocs(s, from, delimiters, body) {
  let i = from;
  for (const delimiter of delimiters) {
    while (i < s.length) {
      let end = s.indexOf("\n", i);
      end = end < 0 ? s.length : end;
      const lineText = trim(s.substring(i, end));
      if (lineText === delimiter) {
        i = end + 1;
        break;
      }
      body.text += s.substring(i, end) + "\n";
      i = end + 1;
    }
  }
  return Math.min(i, s.length);
}

// FileWrites.
const SCRATCH = javaRegex(R`(?:&.*|/dev/.*|nul|\$null|\$|(?:/private)?/tmp(?:/.*)?|(?:/private)?/var/(?:tmp|folders)/.*`
  + R`|\$\{?(?:tmp|temp|env:te?mp|runner_temp).*|%te?mp%.*|.*\.log)?`, "Mi");
const SED_IN_PLACE = javaRegex(R`-[nErsuz]*i.*|--in-place.*`, "M");
const PERL_IN_PLACE = javaRegex(R`-[pnlaws0-9]*i.*`, "M");
const SCRIPTING = javaRegex(R`python[0-9.]*|py|pypy[0-9.]*|node|bun|deno`, "M");
const SCRIPT_WRITES = javaRegex(R`\.write_(?:text|bytes)\s*\(|(?<![A-Za-z0-9_.])open\s*\((?:[^()\n]|\([^()\n]*\)){0,200}?,`
  + R`\s*(?:mode\s*=\s*)?['"][rbt+]*[wax][rbt+]*['"]|\.open\(\s*['"][rbt+]*[wax][rbt+]*['"]`
  + R`|(?:write|append)FileSync\s*\(`);

/** FileWrites.redirected: the first stdout target that is a file of the work, else null. */
function redirected(targets, inScratch) {
  for (const target of targets) {
    if (!isScratch(target, inScratch)) {
      return target;
    }
  }
  return null;
}

/** FileWrites.written: null when nothing, the file when named, "" when a script writes. */
function written(words, input, inScratch) {
  const p = program(words);
  switch (p) {
    case "sed": return words.slice(1).some(w => SED_IN_PLACE.test(w)) ? lastOperand(words, inScratch) : null;
    case "perl": return words.slice(1).some(w => PERL_IN_PLACE.test(w)) ? lastOperand(words, inScratch) : null;
    case "tee": return redirected(operands(words), inScratch);
    case "set-content": case "add-content": case "out-file": return pathOption(words, inScratch);
    case "xargs": case "find": return inPlaceAfter(words);
    case "patch": return words.includes("--dry-run") ? null : "";
    case "git": {
      const sub = gitSubcommand(words);
      return sub < words.length && words[sub] === "apply"
        && !words.some(w => w === "--check" || w === "--stat" || w === "--numstat" || w === "--summary") ? "" : null;
    }
    default: return SCRIPTING.test(p) && scriptWrites(words, input) ? "" : null;
  }
}

function changesIntoScratch(words, inScratch) {
  if (program(words) !== "cd") {
    return inScratch;
  }
  const to = operands(words);
  return to.length > 0 && to[0].length > 0 && isScratch(to[0], inScratch);
}

function isScratch(path, inScratch) {
  return SCRATCH.test(foldSafe(path)) || inScratch && isRelative(path);
}

function isRelative(path) {
  return path.length > 0 && !"/~$%\\".includes(path[0]) && !(path.length > 1 && path[1] === ":");
}

function operands(words) {
  return words.slice(1).filter(w => !w.startsWith("-"));
}

function lastOperand(words, inScratch) {
  const last = words[words.length - 1];
  return isScratch(last, inScratch) ? null : last;
}

function pathOption(words, inScratch) {
  for (let i = 1; i < words.length - 1; i++) {
    const option = words[i].toLowerCase();
    if (option === "-path" || option === "-filepath" || option === "-literalpath") {
      const path = words[i + 1];
      return isScratch(path, inScratch) ? null : path;
    }
  }
  return "";
}

/** FileWrites.inPlaceAfter: sed -i or perl -pi run by xargs or find -exec writes unnamed files. */
function inPlaceAfter(words) {
  for (let i = 1; i < words.length; i++) {
    const rest = words.slice(i);
    const p = program(rest);
    if (p === "sed" && rest.slice(1).some(w => SED_IN_PLACE.test(w))
        || p === "perl" && rest.slice(1).some(w => PERL_IN_PLACE.test(w))) {
      return "";
    }
  }
  return null;
}

function scriptWrites(words, input) {
  if (SCRIPT_WRITES.test(input)) {
    return true;
  }
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i];
    if ((w === "-c" || w === "-e" || w === "--eval" || w === "-p") && SCRIPT_WRITES.test(words[i + 1])) {
      return true;
    }
  }
  return false;
}

// TestCommands.
const RUNNERS = new Set(["pytest", "py.test", "unittest", "tox", "nox", "jest", "vitest", "mocha", "ava", "jasmine",
  "karma", "rspec", "phpunit", "pest", "ctest", "gotestsum", "cargo-nextest", "nextest", "trial", "nosetests", "nose2",
  "runtests.py", "busted", "bats"]);
const TEST_SUBCOMMAND = new Set(["go", "dotnet", "swift", "flutter", "dart", "deno", "mix", "lein", "stack", "cabal",
  "bazel", "bazelisk", "buck", "buck2", "playwright", "composer", "rails", "hatch", "zig", "node"]);
const PACKAGE_MANAGERS = new Set(["npm", "pnpm", "yarn", "bun"]);
const PM_OPTIONS_WITH_VALUE = new Set(["--filter", "-F", "--prefix", "-C", "--cwd", "--dir", "-w", "--workspace"]);
const SCRIPT_NAME = javaRegex(R`t|tst|tests?|tests?[:_-].*|.*[:_-]tests?|unit|e2e|jest|vitest|mocha`, "M");
const GRADLE_TASK = javaRegex(R`(?:.*:)?(?:test(?!Classes\b)\w*|check|\w+Tests?)`, "M");
const MAKE_TARGET = javaRegex(R`tests?|check|unittests?|tests?[-_:].*|[\w-]*[-_]tests?`, "M");
const PHPUNIT = javaRegex(R`(?:.*/)?(?:phpunit|pest)`, "M");
const TEST_SCRIPT = javaRegex(R`(?:test_.*|.*_tests?|runtests)\.py`, "M");

/** TestCommands.isTestRun over the simple commands of a line. */
export function isTestRun(commands) {
  return commands.some(runsTests);
}

function runsTests(words) {
  if (words.includes("--version") || words.includes("--help")) {
    return false;
  }
  const p = program(words);
  if (RUNNERS.has(p)) {
    return !words.includes("--collect-only") && !words.includes("--co");
  }
  switch (p) {
    case "mvn": case "mvnw": case "mvnd":
      return !skipsTests(words) && hasWord(words, "test", "verify", "integration-test", "surefire:test",
        "failsafe:integration-test");
    case "gradle": case "gradlew":
      return gradleRunsTests(words);
    case "make": case "gmake":
      return makeRunsTests(words);
    case "cargo":
      return cargoRunsTests(words);
    case "python": case "python3": case "py":
      return pythonRunsTests(words);
    case "rake":
      return hasWord(words, "test", "spec");
    case "sbt":
      return words.some(w => w === "test" || w.startsWith("testOnly"));
    case "php":
      return words.length > 2 && words[1] === "artisan" && words[2] === "test"
        || words.length > 1 && PHPUNIT.test(words[1]);
    case "cypress":
      return hasWord(words, "run");
    default:
  }
  if (PACKAGE_MANAGERS.has(p) && packageScriptIsTest(words)) {
    return true;
  }
  if (TEST_SUBCOMMAND.has(p)) {
    const sub = firstOperand(words, 1);
    if (p === "zig") {
      return sub + 1 < words.length && words[sub] === "build" && words[sub + 1] === "test";
    }
    return p === "node" ? words.includes("--test") : sub < words.length && words[sub] === "test";
  }
  return false;
}

function skipsTests(words) {
  return words.some(w => w === "-DskipTests" || w.startsWith("-DskipTests=true") || w.startsWith("-Dmaven.test.skip=true"));
}

function gradleRunsTests(words) {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === "-x" || w === "--exclude-task") {
      i++;
    } else if (!w.startsWith("-") && GRADLE_TASK.test(w)) {
      return true;
    }
  }
  return false;
}

function makeRunsTests(words) {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === "-C" || w === "-f" || w === "--directory" || w === "--file") {
      i++;
    } else if (!w.startsWith("-") && !w.includes("=") && MAKE_TARGET.test(w)) {
      return true;
    }
  }
  return false;
}

function cargoRunsTests(words) {
  let i = 1;
  while (i < words.length && (words[i].startsWith("+") || words[i].startsWith("-"))) {
    i++;
  }
  return i < words.length && (words[i] === "test" || words[i] === "nextest");
}

function pythonRunsTests(words) {
  const script = firstOperand(words, 1);
  if (script >= words.length) {
    return false;
  }
  const name = program(words.slice(script));
  const next = script + 1 < words.length ? words[script + 1] : "";
  return (name === "manage.py" || name === "setup.py") && next === "test" || TEST_SCRIPT.test(name);
}

function packageScriptIsTest(words) {
  let i = 1;
  while (i < words.length) {
    const w = words[i];
    if (PM_OPTIONS_WITH_VALUE.has(w)) {
      i += 2;
    } else if (w.startsWith("-") || w === "run" || w === "run-script") {
      i++;
    } else if (w === "workspace") {
      i += 2;
    } else if (w === "--") {
      return false;
    } else {
      return SCRIPT_NAME.test(w);
    }
  }
  return false;
}

function hasWord(words, ...wanted) {
  for (let i = 1; i < words.length; i++) {
    if (wanted.includes(words[i])) {
      return true;
    }
  }
  return false;
}

// GitCommands.
const REVIEW = new Set(["diff", "status", "show"]);
const GIT_OPTIONS_WITH_VALUE = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"]);

export function reviewsDiff(commands) {
  for (const words of commands) {
    const p = program(words);
    if (p === "git") {
      const sub = gitSubcommand(words);
      const verb = sub < words.length ? words[sub] : "";
      const patchLog = verb === "log" && (words.includes("-p") || words.includes("--patch"));
      if (REVIEW.has(verb) || patchLog) {
        return true;
      }
    } else if (isGh(words, "pr", "diff")) {
      return true;
    }
  }
  return false;
}

export function commitsAndPullRequests(commands) {
  let n = 0;
  for (const words of commands) {
    if (program(words) === "git") {
      const sub = gitSubcommand(words);
      if (sub < words.length && words[sub] === "commit") {
        n++;
      }
    } else if (isGh(words, "pr", "create")) {
      n++;
    }
  }
  return n;
}

export function gitSubcommand(words) {
  let i = 1;
  while (i < words.length && words[i].startsWith("-")) {
    i += GIT_OPTIONS_WITH_VALUE.has(words[i]) ? 2 : 1;
  }
  return i;
}

function isGh(words, noun, verb) {
  return program(words) === "gh" && words.length > 2 && words[1] === noun && words[2] === verb;
}
