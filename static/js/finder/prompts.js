/*
 * Text heuristics over typed prompts, ported from dev.personas.features.PromptSignals: the
 * structure of a spec, pasted errors and output, vague fix requests, specific pointers,
 * questions, convention files, near-duplicates. The patterns are the Java ones, character for
 * character, translated by javaRegex so they mean what they mean in Java.
 */
import { javaRegex, foldSafe, count, find, split, strip, trim, hashCode, isLetterOrDigit } from "./java.js";

const R = String.raw;

// Spec markers.
const LIST_ITEM = javaRegex(R`^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S`, "mg");
const MUST_ITEM = javaRegex(R`^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+.*\b(?:must|should|shall)\b`, "mig");
const HEADING = javaRegex(R`^ {0,3}#{1,6}[ \t]+\S`, "mg");
const FENCE = javaRegex(R`^[ \t]*(?:${"```"}|~~~)`, "mg");
const SPEC_PHRASE = javaRegex(R`\b(?:acceptance criteria|requirements?(?!\.txt)|definition of done|user stor(?:y|ies)`
  + R`|deliverables?|constraints)\b`, "ig");
// (?i:tests?) spelled out: inline flags are not portable.
const NAMED_TEST = javaRegex(R`\btest_\w+|\b[A-Z]\w*Tests?\b|\b[\w-]+\.(?:test|spec)\.[jt]sx?\b|\b[tT][eE][sS][tT][sS]?:`, "g");
const PLAN_HANDOFF = javaRegex(R`\b(?:implement|execute|follow|carry out|apply)\s+(?:the|this|my)\s+`
  + R`(?:following\s+|attached\s+|below\s+)?plan\b`
  + R`|\bhere(?:'s| is)\s+(?:the|my|a)\s+plan\b`
  + R`|^ {0,3}#{1,6}[ \t]*(?:implementation\s+)?plan\b`
  + R`|\bplan below\b`, "mi");

// Errors and output.
const ERROR_LINE = javaRegex(R`Traceback \(most recent call last\)`
  + R`|(?:Exception|Error)\b(?::|\s*$)`
  + R`|^\s*at\s+\S[^\n]{0,300}?\S:\d+`
  + R`|panicked at`
  + R`|\bFAILED\b`
  + R`|\bexit(?:ed with)? (?:code|status)\s*:?\s*-?\d+`
  + R`|npm ERR!`
  + R`|^\s*error(?:\[E\d+\])?:`
  + R`|^\s*File "[^"]+", line \d+`
  + R`|\bfatal:`
  + R`|Segmentation fault`
  + R`|net::ERR_[A-Z_]+`
  + R`|\b(?:GET|POST|PUT|PATCH|DELETE) https?://\S+\s+[45]\d\d\b`);
const GENERIC_ERROR_LINE = javaRegex(R`^\s*(?:at\s|File ")|Traceback \(most recent call last\)`
  + R`|^\W*(?:process )?exit(?:ed with)? (?:code|status)\s*:?\s*-?\d+\W*$`);
const OUTPUT_LINE = javaRegex(R`^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}\b`
  + R`|\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL)\]?[\s:\]]`
  + R`|[$%]\s+\S|>>>\s|(?:PASSED|FAILED|PASS|FAIL)\s+\S|ok\s+\d`
  + R`|[=-]{3,}\s[^\n]{0,200}\w[^\n]{0,200}\s[=-]{3,}\s*$)`);
const HEX = javaRegex(R`0x[0-9a-f]+|\b[0-9a-f]{7,}\b`, "g");
const DIGITS = javaRegex(R`\d+`, "g");

// Requests and pointers.
const VAGUE_FIX = javaRegex(R`\b(?:fix|broken|still|again|(?:does ?n[o']?t|did ?n[o']?t|is ?n[o']?t|not) work(?:ing)?`
  + R`|same (?:error|issue|problem)|nope|no luck|nothing changed|no change|did ?n[o']?t (?:change|help)`
  + R`|nothing happen(?:s|ed)?`
  + R`|(?:ne )?(?:marche|fonctionne) (?:toujours )?pas|toujours pas|continua (?:dando|com|sem|igual)`
  + R`|nao funciona|nao mudou|nada mudou|sigue (?:sin|dando|igual)|no funciona|no cambia)\b`, "i");
// PromptSignals.VAGUE_FIX_EXACT: é, ó and ã as written (no case folding), and CJK re-asks.
const VAGUE_FIX_EXACT = javaRegex(R`\b(?:(?:[Nn]e )?[Rr]épond (?:toujours )?pas|[Pp]as de réponse|[Nn]ão (?:funciona|mudou)`
  + R`|[Nn]o cambió|[Nn]ada cambió|[Rr]ien n'a changé)\b`
  + R`|还是不行|還是不行|还是报错|還是報錯|又报错|又報錯|没用|沒用|안 ?돼|안 ?되|안 ?된|안 없어`
  + R`|(?:依旧|依然|仍然|仍旧)(?:不行|没|沒)|还是没|還是沒|没(?:有)?(?:变化|反应|效果)|沒(?:有)?(?:變化|反應|效果)`
  + R`|不起作用|没生效|沒生效|여전히|안 ?바뀌|변화가? ?없`
  + R`|直ってない|直らない|動かない|治らない|変わらない|変化なし`);
const TOKEN = javaRegex(R`[^\s"'${"`"}()\[\]<>{},;]+`, "g");
const EXTENSION = javaRegex(R`[\w-]+\.(?:java|kt|kts|scala|groovy|py|ipynb|js|jsx|mjs|cjs|ts|tsx|go|rs|rb|php|cs|fs|c|cc`
  + R`|cpp|h|hpp|m|swift|dart|ex|exs|clj|lua|sh|bash|zsh|ps1|sql|md|rst|txt|json|yaml|yml|toml`
  + R`|xml|html|htm|css|scss|less|vue|svelte|gradle|properties|ini|cfg|conf|env|lock|csv|proto`
  + R`|tf|dockerfile)(?::\d+)?[.:]?`, "M");
const NOT_FILES = new Set(["node.js", "next.js", "vue.js", "react.js", "nuxt.js", "three.js", "express.js", "d3.js",
  "chart.js", "socket.io", "ext.js", "p5.js"]);
const FILE_LINE = javaRegex(R`\w\.[A-Za-z]\w{0,9}:\d+`);
const LINE_REF = javaRegex(R`\bL\d+\b`);
const BACKTICKED = javaRegex(R`${"`"}[^${"`"}\s][^${"`"}\n]{0,80}${"`"}`);
const CALL = javaRegex(R`\b\w+\(\)`);
const SNAKE = javaRegex(R`\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b`);
const LINE_WORDS = javaRegex(R`\blines?\s+\d+`, "i");
const CAMEL = javaRegex(R`\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b|\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b`, "g");
const BRANDS = new Set(["iphone", "ipad", "ios", "macos", "ipados", "watchos", "tvos", "ebay", "jquery", "javascript",
  "typescript", "github", "gitlab", "bitbucket", "powershell", "youtube", "linkedin", "openai", "chatgpt", "postgresql",
  "mysql", "mongodb", "wordpress", "devops", "fastapi", "nextjs", "nodejs", "vscode", "intellij", "pytorch",
  "tensorflow", "numpy", "scipy", "pypi", "graphql", "sqlite", "macbook", "airpods", "paypal", "dropbox", "hubspot",
  "tailwindcss", "webpack", "nestjs", "sveltekit", "claudecode", "codex", "deepseek", "huggingface", "openrouter",
  "supabase", "firebase", "vercel", "netlify", "cloudflare", "docker", "kubernetes", "gcp", "aws", "xcode", "android",
  "linux", "redis", "nginx", "oauth", "json", "yaml"]);
const PLAN_POINTER = javaRegex(R`\b(?:implement|build|execute|follow|continue|proceed with|start|do|work on|carry out|apply`
  + R`|complete)\b[^\n]{0,80}?(?:[\w./-]*(?:plan|spec|tasks|prd|roadmap|todo)[\w-]*\.(?:md|txt)\b`
  + R`|\b(?:phase|fase|step|stage|milestone)\s*[-#]?\s*\d+\b|\btasks?\s+T?\d+(?:\s*[-–]\s*T?\d+)?\b`
  + R`|\bT\d{2,}\s*[-–]\s*T?\d{2,}\b)`, "i");
const QUESTION_MARK = javaRegex(R`\?(?=[\s"')\]]|$)|？|[吗嗎呢](?=[\s"')\]。，.!！]|$)`);
const QUESTION_WORDS = new Set(["what", "what's", "whats", "why", "how", "where", "when", "which", "who", "whose", "is",
  "are", "does", "do", "did", "was", "were", "explain", "wondering"]);
const ASKS_FOR_ANSWER = javaRegex(R`^\W*(?:(?:please|pls|can you|could you|would you)\s+)?(?:tell me|show me|explain|describe`
  + R`|summari[sz]e|analy[sz]e|review|investigate|audit|compare|diagnose|evaluate|assess|find out`
  + R`|look into|check (?:whether|if)|help me understand|walk me through|dis-moi|explique`
  + R`|regarde|pourquoi|est-ce que|explica|por ?que|list|liste[sz]?(?:[- ]moi)?|lista|enumera`
  + R`|give me an overview|overview)\b`
  + R`|\bany (?:thoughts|ideas)\b|\bwhat do you think\b`
  + R`|告诉我|告訴我|解释|解釋|为什么|為什麼|分析|查看|怎么|怎麼|如何`
  + R`|알려|설명|분석|파악|검토|教えて|説明|調べ`, "i");
// PromptSignals.RULES_OUT_CHANGES and its exact half: a prompt that rules out changes asks for an answer.
const RULES_OUT_CHANGES = javaRegex(R`\b(?:do ?n[o']?t|never|without) (?:chang(?:e|ing)|edit(?:ing)?|modif(?:y|ying)|touch(?:ing)?`
  + R`|writ(?:e|ing)) (?:any |the )?(?:code|files?|anything)\b(?! else| but| except| other)`
  + R`|\bno code changes?\b`
  + R`|\bne (?:modifie|change|touche) (?:rien|pas le code|aucun fichier)\b`
  + R`|\bsans (?:modifier|toucher) (?:le code|les fichiers|rien)\b`
  + R`|\bno (?:modifiques|cambies|toques) nada\b|\bsin (?:modificar|tocar) nada\b`
  + R`|\bnao (?:altere|mude|modifique) nada\b|\bsem (?:alterar|modificar) nada\b`, "i");
const RULES_OUT_CHANGES_EXACT = javaRegex(R`\b[Nn]ão (?:altere|mude|modifique) nada\b`
  + R`|先不(?:要)?改|不要(?:写|寫)代(?:码|碼)|别(?:写|改)代码|不(?:要)?(?:修改|改动|改)(?:任何)?(?:文件|代码|代碼|檔案)`
  + R`|코드(?:를)? ?(?:수정|작성)하지 ?마|コードを?(?:変更|修正|書か)しないで|ファイルを?変更しないで`);
const CONVENTION_FILE = javaRegex(R`(?:^|[^\w.])(?:CLAUDE(?:\.local)?\.md|AGENTS\.md|GEMINI\.md|\.cursorrules`
  + R`|\.cursor/rules|copilot-instructions\.md|CONVENTIONS\.md|\.windsurfrules)\b`, "i");
const FIRST_WORD = javaRegex(R`[\p{L}\p{N}']+`);
const TRAILING_PUNCTUATION = javaRegex(R`[.,:;!?]+$`, "g");
const WHITESPACE = javaRegex(R`\s+`, "g");
const NON_WORD = javaRegex(R`[^\p{L}\p{N}]+`, "g");

const MAX_CHARS = 100000;
const MAX_LINE_CHARS = 2000;

function clip(text) {
  return text.length > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
}

function apostrophes(text) {
  return text.includes("\u2019") ? text.replaceAll("\u2019", "'") : text;
}

/** PromptSignals.read: what the per-prompt features need from one prompt. */
export function readPrompt(text) {
  const signature = new Set();
  let pasted = false;
  let outputLines = 0;
  for (let line of split(clip(text), /\n/)) {
    if (line.length > MAX_LINE_CHARS) {
      line = line.substring(0, MAX_LINE_CHARS);
    }
    const error = ERROR_LINE.exec(line);
    if (error !== null) {
      pasted = true;
      addToSignature(line, error.index, signature);
    } else if (!pasted && find(OUTPUT_LINE, line) && ++outputLines >= 2) {
      pasted = true;
    }
  }
  const pointer = hasSpecificPointer(text);
  return { errorSignature: signature, pastedOutput: pasted, vagueFixRequest: !pointer && isFixRequest(text),
    specificPointer: pointer, question: isQuestion(text), goOn: isGoOn(text), citesConventionFile: citesConventionFile(text),
    shingles: shingles(text) };
}

// PromptSignals.GO_ON_WORDS and GO_ON_RUNS: what a prompt that moves the agent along is made of.
const GO_ON_WORDS = new Set([
  "ok", "okay", "k", "kk", "yes", "yep", "yeah", "ya", "yup", "y", "sure", "go", "ahead", "on",
  "continue", "cont", "proceed", "do", "it", "that", "this", "please", "pls", "plz", "thanks",
  "thank", "you", "ty", "thx", "great", "good", "perfect", "nice", "cool", "awesome",
  "excellent", "sounds", "looks", "lgtm", "fine", "alright", "right", "correct", "exactly",
  "agreed", "agree", "approve", "approved", "next", "keep", "going", "carry", "let's", "lets",
  "commit", "push", "and", "option", "all", "them", "both", "run", "start", "begin", "super",
  "sí", "si", "dale", "continúa", "continua", "continuar", "sigue", "perfecto", "gracias",
  "vale", "adelante", "listo", "bien", "claro", "sim", "pode", "obrigado", "obrigada",
  "beleza", "ótimo", "otimo", "certo", "oui", "vas-y", "vas", "parfait", "merci", "d'accord",
  "да", "продолжай", "давай", "ок", "спасибо", "хорошо", "отлично", "ja", "weiter", "danke",
  "passt", "gut", "tak", "dalej", "dobrze", "kontynuuj"]);
const GO_ON_RUNS = ["お願いします", "ありがとう", "감사합니다", "진행해줘", "没问题", "コミット",
  "진행해", "继续", "好的", "可以", "是的", "确认", "同意", "提交", "谢谢", "开始", "执行", "はい", "続けて", "進めて",
  "了解", "좋아요", "좋아", "계속", "진행", "커밋", "好", "是", "对", "行", "吧", "嗯", "네", "예", "응"];
const GO_ON_MAX_CHARS = 60;

/** PromptSignals.isGoOn: an option picked, a yes or a thanks, "continue", "commit and push". */
export function isGoOn(text) {
  const stripped = strip(text);
  if (stripped.length === 0 || stripped.length > GO_ON_MAX_CHARS) {
    return false;
  }
  const t = stripped.toLowerCase();
  const words = goOnWords(t);
  let letters = 0;
  for (const w of words) {
    letters += w.length;
  }
  if (letters <= 3 && /^[\x00-\x7f]*$/.test(t)) {
    return true;
  }
  if (words.length === 2 && ["option", "choice", "opción", "opção"].includes(words[0]) && words[1].length <= 2) {
    return true;
  }
  return words.every(w => GO_ON_WORDS.has(w) || coveredByRuns(w));
}

function goOnWords(t) {
  const words = [];
  let start = -1;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t[i] : " ";
    const part = isLetterOrDigit(c) || c === "'" || c === "-" || c === "_";
    if (part && start < 0) {
      start = i;
    } else if (!part && start >= 0) {
      words.push(t.substring(start, i));
      start = -1;
    }
  }
  return words;
}

function coveredByRuns(word) {
  let i = 0;
  while (i < word.length) {
    const run = GO_ON_RUNS.find(r => word.startsWith(r, i));
    if (run === undefined) {
      return false;
    }
    i += run.length;
  }
  return true;
}

/** Structure in a prompt: list items, headings, code blocks, spec phrases, named tests. */
export function specMarkers(text) {
  text = clip(text);
  const folded = foldSafe(text);
  const fences = count(FENCE, text);
  return count(LIST_ITEM, text) + count(MUST_ITEM, folded) + count(HEADING, text)
    + Math.trunc((fences + 1) / 2) + count(SPEC_PHRASE, folded) + count(NAMED_TEST, text);
}

export function isPlanHandoff(text) {
  return find(PLAN_HANDOFF, foldSafe(apostrophes(clip(text))));
}

/** PromptSignals.pointsAtPlan: a verb of doing and a plan file, a phase or step, or a task range. */
export function pointsAtPlan(text) {
  return find(PLAN_POINTER, clip(text));
}

function addToSignature(line, errorStart, signature) {
  if (find(GENERIC_ERROR_LINE, line)) {
    return;
  }
  let start = errorStart;
  while (start > 0 && isNameChar(line[start - 1])) {
    start--;
  }
  let withoutPaths = "";
  for (const token of split(line.substring(start).toLowerCase(), WHITESPACE)) {
    if (!token.includes("/") && !token.includes("\\")) {
      withoutPaths += token + " ";
    }
  }
  let s = withoutPaths.replace(HEX, " ");
  s = s.replace(DIGITS, " ");
  s = trim(s.replace(WHITESPACE, " "));
  if (s.length >= 4) {
    signature.add(s);
  }
}

/** True when two signatures share at least half the lines of the smaller one. */
export function sameError(a, b) {
  if (a.size === 0 || b.size === 0) {
    return false;
  }
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let shared = 0;
  for (const line of small) {
    if (large.has(line)) {
      shared++;
    }
  }
  return shared * 2 >= small.size;
}

function isFixRequest(text) {
  if (strip(text).length >= 80) {
    return false;
  }
  const plain = apostrophes(text);
  return find(VAGUE_FIX, foldSafe(plain)) || find(VAGUE_FIX_EXACT, plain);
}

function hasSpecificPointer(text) {
  text = clip(text);
  if (text.includes(":") && find(FILE_LINE, text)
      || text.includes("L") && find(LINE_REF, text)
      || text.includes("`") && find(BACKTICKED, text)
      || text.includes("()") && find(CALL, text)
      || text.includes("_") && find(SNAKE, text)
      || find(LINE_WORDS, foldSafe(text))) {
    return true;
  }
  TOKEN.lastIndex = 0;
  let m;
  while ((m = TOKEN.exec(text)) !== null) {
    if (hasPathCharacter(m[0]) && isPathLike(m[0])) {
      return true;
    }
  }
  CAMEL.lastIndex = 0;
  while ((m = CAMEL.exec(text)) !== null) {
    if (!BRANDS.has(m[0].toLowerCase())) {
      return true;
    }
  }
  return false;
}

function isQuestion(text) {
  text = clip(text);
  if (find(QUESTION_MARK, text)) {
    return true;
  }
  const opening = apostrophes(text.length > 200 ? text.substring(0, 200) : text);
  const first = FIRST_WORD.exec(opening);
  return first !== null && QUESTION_WORDS.has(first[0].toLowerCase()) || find(ASKS_FOR_ANSWER, opening)
    || find(RULES_OUT_CHANGES, foldSafe(opening)) || find(RULES_OUT_CHANGES_EXACT, opening);
}

/** True when the text names a convention file such as CLAUDE.md or AGENTS.md. */
export function citesConventionFile(text) {
  return text !== null && (text.includes(".md") || text.includes(".MD") || text.includes("rules"))
    && find(CONVENTION_FILE, foldSafe(clip(text)));
}

/**
 * Word-bigram shingles of the normalised text as sorted, distinct 64-bit values (Java longs:
 * the left word's hashCode in the high half, the right one's in the low half).
 */
export function shingles(text) {
  const words = split(strip(clip(text).toLowerCase()), NON_WORD);
  const start = words.length > 0 && words[0].length === 0 ? 1 : 0;
  const n = words.length - start;
  if (n <= 0) {
    return new BigInt64Array(0);
  }
  if (n === 1) {
    return BigInt64Array.of(BigInt(hashCode(words[start])));
  }
  const out = new BigInt64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    const left = BigInt(hashCode(words[start + i]));
    const right = BigInt(hashCode(words[start + i + 1]) >>> 0);
    out[i] = BigInt.asIntN(64, (left << 32n) ^ right);
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) {
    if (i === 0 || out[i] !== out[i - 1]) {
      out[unique++] = out[i];
    }
  }
  return out.slice(0, unique);
}

/** Jaccard similarity of two sorted, distinct shingle sets; 0 when either is empty. */
export function jaccard(a, b) {
  if (a.length === 0 || b.length === 0) {
    return 0;
  }
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  return shared / (a.length + b.length - shared);
}

function isNameChar(c) {
  return isLetterOrDigit(c) || c === "_" || c === "." || c === "$";
}

function hasPathCharacter(token) {
  return token.includes("/") || token.includes("\\") || token.includes(".");
}

function isPathLike(token) {
  const t = token.replace(TRAILING_PUNCTUATION, "");
  let slashes = 0;
  for (const c of t) {
    if (c === "/" || c === "\\") {
      slashes++;
    }
  }
  if (slashes > 0) {
    return slashes >= 2 || t.startsWith("./") || t.startsWith("../") || t.startsWith("~/")
      || EXTENSION.test(t.substring(Math.max(t.lastIndexOf("/"), t.lastIndexOf("\\")) + 1));
  }
  return EXTENSION.test(t) && !NOT_FILES.has(t.toLowerCase());
}
