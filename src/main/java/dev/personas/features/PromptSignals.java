package dev.personas.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text heuristics over typed prompts: structure of a spec, pasted errors and output, vague fix
 * requests, specific pointers, questions, near-duplicates. Log-only and deterministic: plain
 * regular expressions, no model.
 */
final class PromptSignals {

  private static final int M = Pattern.MULTILINE;
  private static final int MI = Pattern.MULTILINE | Pattern.CASE_INSENSITIVE;

  // Spec markers.
  static final Pattern LIST_ITEM =
      Pattern.compile("^[ \\t]*(?:[-*+•]|\\d{1,3}[.)])[ \\t]+\\S", M);
  static final Pattern MUST_ITEM = Pattern.compile(
      "^[ \\t]*(?:[-*+•]|\\d{1,3}[.)])[ \\t]+.*\\b(?:must|should|shall)\\b", MI);
  static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+\\S", M);
  static final Pattern FENCE = Pattern.compile("^[ \\t]*(?:```|~~~)", M);
  static final Pattern SPEC_PHRASE = Pattern.compile(
      "\\b(?:acceptance criteria|requirements?(?!\\.txt)|definition of done|user stor(?:y|ies)"
      + "|deliverables?|constraints)\\b", Pattern.CASE_INSENSITIVE);
  static final Pattern NAMED_TEST = Pattern.compile(
      "\\btest_\\w+|\\b[A-Z]\\w*Tests?\\b|\\b[\\w-]+\\.(?:test|spec)\\.[jt]sx?\\b|\\b(?i:tests?):");
  static final Pattern PLAN_HANDOFF = Pattern.compile(
      "\\b(?:implement|execute|follow|carry out|apply)\\s+(?:the|this|my)\\s+"
      + "(?:following\\s+|attached\\s+|below\\s+)?plan\\b"
      + "|\\bhere(?:'s| is)\\s+(?:the|my|a)\\s+plan\\b"
      + "|^ {0,3}#{1,6}[ \\t]*(?:implementation\\s+)?plan\\b"
      + "|\\bplan below\\b", MI);

  static final Pattern PLAN_POINTER = Pattern.compile(
      "\\b(?:implement|build|execute|follow|continue|proceed with|start|do|work on|carry out|apply"
      + "|complete)\\b[^\\n]{0,80}?(?:[\\w./-]*(?:plan|spec|tasks|prd|roadmap|todo)[\\w-]*\\.(?:md|txt)\\b"
      + "|\\b(?:phase|fase|step|stage|milestone)\\s*[-#]?\\s*\\d+\\b|\\btasks?\\s+T?\\d+(?:\\s*[-–]\\s*T?\\d+)?\\b"
      + "|\\bT\\d{2,}\\s*[-–]\\s*T?\\d{2,}\\b)",
      Pattern.CASE_INSENSITIVE);

  // Errors and output.
  static final Pattern ERROR_LINE = Pattern.compile(
      "Traceback \\(most recent call last\\)"
      + "|(?:Exception|Error)\\b(?::|\\s*$)"
      + "|^\\s*at\\s+\\S[^\\n]{0,300}?\\S:\\d+"
      + "|panicked at"
      + "|\\bFAILED\\b"
      + "|\\bexit(?:ed with)? (?:code|status)\\s*:?\\s*-?\\d+"
      + "|npm ERR!"
      + "|^\\s*error(?:\\[E\\d+\\])?:"
      + "|^\\s*File \"[^\"]+\", line \\d+"
      + "|\\bfatal:"
      + "|Segmentation fault"
      // A browser console's failed request: "POST https://… 422 (Unprocessable Content)", net::ERR_….
      + "|net::ERR_[A-Z_]+"
      + "|\\b(?:GET|POST|PUT|PATCH|DELETE) https?://\\S+\\s+[45]\\d\\d\\b");
  /** Error lines too generic to tell one error from another. */
  private static final Pattern GENERIC_ERROR_LINE = Pattern.compile(
      "^\\s*(?:at\\s|File \")|Traceback \\(most recent call last\\)"
      + "|^\\W*(?:process )?exit(?:ed with)? (?:code|status)\\s*:?\\s*-?\\d+\\W*$");
  private static final Pattern OUTPUT_LINE = Pattern.compile(
      "^\\s*(?:\\[?\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\[?\\d{2}:\\d{2}:\\d{2}\\b"
      + "|\\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL)\\]?[\\s:\\]]"
      + "|[$%]\\s+\\S|>>>\\s|(?:PASSED|FAILED|PASS|FAIL)\\s+\\S|ok\\s+\\d"
      + "|[=-]{3,}\\s[^\\n]{0,200}\\w[^\\n]{0,200}\\s[=-]{3,}\\s*$)");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-f]+|\\b[0-9a-f]{7,}\\b");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  // Requests and pointers.
  // A vague re-ask: "fix it", "still broken", "nope", "same error", "no change", and their French,
  // Portuguese and Spanish kin ("ne répond pas", "continua dando", "sigue sin"); the Chinese, Korean
  // and Japanese ones ("还是不行", "没变化", "안돼", "動かない") have no word boundaries and match anywhere.
  static final Pattern VAGUE_FIX = Pattern.compile(
      "\\b(?:fix|broken|still|again|(?:does ?n[o']?t|did ?n[o']?t|is ?n[o']?t|not) work(?:ing)?"
      + "|same (?:error|issue|problem)|nope|no luck|nothing changed|no change|did ?n[o']?t (?:change|help)"
      + "|nothing happen(?:s|ed)?"
      + "|(?:ne )?(?:marche|fonctionne) (?:toujours )?pas|toujours pas|continua (?:dando|com|sem|igual)"
      + "|nao funciona|nao mudou|nada mudou|sigue (?:sin|dando|igual)|no funciona|no cambia)\\b",
      Pattern.CASE_INSENSITIVE);
  /**
   * The same with letters that case folding would treat apart in Java and in the browser (é, ã),
   * matched as written, and the Chinese, Korean and Japanese ones.
   */
  static final Pattern VAGUE_FIX_EXACT = Pattern.compile(
      "\\b(?:(?:[Nn]e )?[Rr]épond (?:toujours )?pas|[Pp]as de réponse|[Nn]ão (?:funciona|mudou)"
      + "|[Nn]o cambió|[Nn]ada cambió|[Rr]ien n'a changé)\\b"
      + "|还是不行|還是不行|还是报错|還是報錯|又报错|又報錯|没用|沒用|안 ?돼|안 ?되|안 ?된|안 없어"
      + "|(?:依旧|依然|仍然|仍旧)(?:不行|没|沒)|还是没|還是沒|没(?:有)?(?:变化|反应|效果)|沒(?:有)?(?:變化|反應|效果)"
      + "|不起作用|没生效|沒生效|여전히|안 ?바뀌|변화가? ?없"
      + "|直ってない|直らない|動かない|治らない|変わらない|変化なし");
  /** Words of which every {@link #VAGUE_FIX} match holds one, in lower case. */
  static final String[] FIX_WORDS = {"fix", "broken", "still", "again", "work", "same ", "nope",
      "no luck", "nothing", "no change", "chang", "help", "pas", "continua", "nao ", "mudou", "sigue ",
      "funciona", "cambia"};
  private static final Pattern EXTENSION = Pattern.compile(
      "[\\w-]+\\.(?:java|kt|kts|scala|groovy|py|ipynb|js|jsx|mjs|cjs|ts|tsx|go|rs|rb|php|cs|fs|c|cc"
      + "|cpp|h|hpp|m|swift|dart|ex|exs|clj|lua|sh|bash|zsh|ps1|sql|md|rst|txt|json|yaml|yml|toml"
      + "|xml|html|htm|css|scss|less|vue|svelte|gradle|properties|ini|cfg|conf|env|lock|csv|proto"
      + "|tf|dockerfile)(?::\\d+)?[.:]?");
  private static final Set<String> NOT_FILES = Set.of("node.js", "next.js", "vue.js", "react.js",
      "nuxt.js", "three.js", "express.js", "d3.js", "chart.js", "socket.io", "ext.js", "p5.js");
  // Pointer patterns, each run only when its tell-tale character is present.
  private static final Pattern FILE_LINE = Pattern.compile("\\w\\.[A-Za-z]\\w{0,9}:\\d+");
  private static final Pattern LINE_REF = Pattern.compile("\\bL\\d+\\b");
  private static final Pattern BACKTICKED = Pattern.compile("`[^`\\s][^`\\n]{0,80}`");
  private static final Pattern CALL = Pattern.compile("\\b\\w+\\(\\)");
  private static final Pattern SNAKE = Pattern.compile(
      "\\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\\b|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b");
  static final Pattern LINE_WORDS =
      Pattern.compile("\\blines?\\s+\\d+", Pattern.CASE_INSENSITIVE);
  static final Pattern CAMEL = Pattern.compile(
      "\\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\\b|\\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\\b");
  private static final Set<String> BRANDS = Set.of("iphone", "ipad", "ios", "macos", "ipados",
      "watchos", "tvos", "ebay", "jquery", "javascript", "typescript", "github", "gitlab",
      "bitbucket", "powershell", "youtube", "linkedin", "openai", "chatgpt", "postgresql",
      "mysql", "mongodb", "wordpress", "devops", "fastapi", "nextjs", "nodejs", "vscode",
      "intellij", "pytorch", "tensorflow", "numpy", "scipy", "pypi", "graphql", "sqlite",
      "macbook", "airpods", "paypal", "dropbox", "hubspot", "tailwindcss", "webpack", "nestjs",
      "sveltekit", "claudecode", "codex", "deepseek", "huggingface", "openrouter", "supabase",
      "firebase", "vercel", "netlify", "cloudflare", "docker", "kubernetes", "gcp", "aws",
      "xcode", "android", "linux", "redis", "nginx", "oauth", "json", "yaml");
  // "?" or the full-width "？" of Chinese and Japanese text; a Chinese sentence-final 吗/嗎/呢.
  static final Pattern QUESTION_MARK =
      Pattern.compile("\\?(?=[\\s\"')\\]]|$)|？|[吗嗎呢](?=[\\s\"')\\]。，.!！]|$)");
  private static final Set<String> QUESTION_WORDS = Set.of("what", "what's", "whats", "why",
      "how", "where", "when", "which", "who", "whose", "is", "are", "does", "do", "did", "was",
      "were", "explain", "wondering");
  // A request for an answer rather than a change, at the opening of a prompt: "tell me",
  // "explain", "review", "analyse", "list me" and the like (English, French, Spanish), "any
  // thoughts", the Chinese 告诉我 (tell me), 解释 (explain), 为什么 (why), 分析 (analyse), 查看
  // (look into), 怎么 and 如何 (how), the Korean 알려 (tell), 설명 (explain), 분석 (analyse), 파악
  // (figure out), 검토 (review) and the Japanese 教えて (tell me), 説明 (explain), 調べ (look into).
  private static final String ASKS_AT_OPENING =
      "^\\W*(?:(?:please|pls|can you|could you|would you)\\s+)?(?:tell me|show me|explain|describe"
      + "|summari[sz]e|analy[sz]e|review|investigate|audit|compare|diagnose|evaluate|assess|find out"
      + "|look into|check (?:whether|if)|help me understand|walk me through|dis-moi|explique"
      + "|regarde|pourquoi|est-ce que|explica|por ?que|list|liste[sz]?(?:[- ]moi)?|lista|enumera"
      + "|give me an overview|overview)\\b";
  private static final String ASKS_ANYWHERE = "\\bany (?:thoughts|ideas)\\b|\\bwhat do you think\\b"
      + "|告诉我|告訴我|解释|解釋|为什么|為什麼|分析|查看|怎么|怎麼|如何"
      + "|알려|설명|분석|파악|검토|教えて|説明|調べ";
  /** The whole expression; {@link #asksForAnswer} runs its two halves apart, with the same answer. */
  static final Pattern ASKS_FOR_ANSWER =
      Pattern.compile(ASKS_AT_OPENING + "|" + ASKS_ANYWHERE, Pattern.CASE_INSENSITIVE);
  private static final Pattern ASKS_AT_OPENING_PATTERN =
      Pattern.compile(ASKS_AT_OPENING, Pattern.CASE_INSENSITIVE);
  private static final Pattern ASKS_ANYWHERE_PATTERN =
      Pattern.compile(ASKS_ANYWHERE, Pattern.CASE_INSENSITIVE);
  // A prompt that rules out changes asks for an answer: §4's Consult has the agent read and answer
  // while the person writes the code ("don't change any files", "without editing the code", "no
  // code changes", "ne modifie rien", "no toques nada", "nao altere nada"; the Chinese 先不改 (do
  // not change yet), 不要写代码 (write no code), 不要修改文件; the Korean 코드 수정하지 마; the
  // Japanese コードを変更しないで). ASCII and case-folded, then the rest as written.
  static final Pattern RULES_OUT_CHANGES = Pattern.compile(
      "\\b(?:do ?n[o']?t|never|without) (?:chang(?:e|ing)|edit(?:ing)?|modif(?:y|ying)|touch(?:ing)?"
      + "|writ(?:e|ing)) (?:any |the )?(?:code|files?|anything)\\b(?! else| but| except| other)"
      + "|\\bno code changes?\\b"
      + "|\\bne (?:modifie|change|touche) (?:rien|pas le code|aucun fichier)\\b"
      + "|\\bsans (?:modifier|toucher) (?:le code|les fichiers|rien)\\b"
      + "|\\bno (?:modifiques|cambies|toques) nada\\b|\\bsin (?:modificar|tocar) nada\\b"
      + "|\\bnao (?:altere|mude|modifique) nada\\b|\\bsem (?:alterar|modificar) nada\\b",
      Pattern.CASE_INSENSITIVE);
  static final Pattern RULES_OUT_CHANGES_EXACT = Pattern.compile(
      "\\b[Nn]ão (?:altere|mude|modifique) nada\\b"
      + "|先不(?:要)?改|不要(?:写|寫)代(?:码|碼)|别(?:写|改)代码|不(?:要)?(?:修改|改动|改)(?:任何)?(?:文件|代码|代碼|檔案)"
      + "|코드(?:를)? ?(?:수정|작성)하지 ?마|コードを?(?:変更|修正|書か)しないで|ファイルを?変更しないで");
  static final String[] CHANGE_WORDS = {"chang", "edit", "modif", "touch", "writ", "code", "cambi", "toq",
      "toca", "alter", "mude", "改", "写", "寫", "수정", "작성", "変更", "修正", "書か"};
  static final String[] NEGATIONS = {"n't", "dont", "do nt", "not", "never", "without", "no ", "ne ",
      "sans", "sin ", "nao", "não", "sem ", "不", "别", "마", "ないで"};
  /** The first character of each Chinese alternative of {@link #ASKS_ANYWHERE}. */
  private static final String ASKS_ANYWHERE_FIRST_CHARS = "告解为為分查怎如알설분파검教説調";
  private static final Pattern CONVENTION_FILE = Pattern.compile(
      "(?:^|[^\\w.])(?:CLAUDE(?:\\.local)?\\.md|AGENTS\\.md|GEMINI\\.md|\\.cursorrules"
      + "|\\.cursor/rules|copilot-instructions\\.md|CONVENTIONS\\.md|\\.windsurfrules)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,:;!?]+$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Heuristics read this much of a prompt; beyond it a prompt is a pasted file, not prose. */
  private static final int MAX_CHARS = 100_000;
  /** Line-based detectors read this much of a line (minified code can be one huge line). */
  private static final int MAX_LINE_CHARS = 2_000;

  private PromptSignals() {}

  /** Everything the per-prompt features need from one prompt, read in one pass over its lines. */
  static PromptFacts read(String text) {
    Set<String> signature = new TreeSet<>();
    boolean pasted = false;
    int outputLines = 0;
    for (String line : lines(text)) {
      Matcher error = mayBeErrorLine(line) ? ERROR_LINE.matcher(line) : null;
      if (error != null && error.find()) {
        pasted = true;
        addToSignature(line, error.start(), signature);
      } else if (!pasted && OUTPUT_LINE.matcher(line).find() && ++outputLines >= 2) {
        pasted = true;
      }
    }
    boolean pointer = hasSpecificPointer(text);
    return new PromptFacts(signature, pasted, !pointer && isFixRequest(text), pointer,
        isQuestion(text), isGoOn(text), citesConventionFile(text), shingles(text));
  }

  /** Structure in a prompt: list items, headings, code blocks, spec phrases, named tests. */
  static int specMarkers(String text) {
    text = clip(text);
    // Each expression runs only when the text holds what every one of its matches holds.
    String lower = text.toLowerCase(Locale.ROOT);
    int fences = text.contains("```") || text.contains("~~~") ? count(FENCE, text) : 0;
    int items = hasListMarker(text) ? count(LIST_ITEM, text) + count(MUST_ITEM, text) : 0;
    int headings = text.indexOf('#') >= 0 ? count(HEADING, text) : 0;
    int phrases = containsAny(lower, SPEC_WORDS) ? count(SPEC_PHRASE, text) : 0;
    int tests = mayNameTest(text, lower) ? count(NAMED_TEST, text) : 0;
    return items + headings + (fences + 1) / 2 + phrases + tests;
  }

  /** What every {@link #SPEC_PHRASE} match holds, in lower case. */
  static final String[] SPEC_WORDS = {"acceptance criteria", "requirement",
      "definition of done", "user stor", "deliverable", "constraints"};

  /**
   * True when "-", "*", "+", "•", or a digit and "." or ")", is followed by a space or tab: what
   * every {@link #LIST_ITEM} and {@link #MUST_ITEM} match holds.
   */
  static boolean hasListMarker(String text) {
    int n = text.length();
    for (int i = 0; i + 1 < n; i++) {
      char c = text.charAt(i);
      int after = i + 1;
      if (c >= '0' && c <= '9') {
        char next = text.charAt(after);
        if (next != '.' && next != ')') {
          continue;
        }
        after++;
      } else if (c != '-' && c != '*' && c != '+' && c != '•') {
        continue;
      }
      if (after < n && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
        return true;
      }
    }
    return false;
  }

  /** False only when {@link #NAMED_TEST} cannot match; {@code lower} is the text in lower case. */
  static boolean mayNameTest(String text, String lower) {
    return text.contains("test_") || text.contains("Test") || text.contains(".spec.")
        || lower.contains(".test.") || lower.contains("test:") || lower.contains("tests:");
  }

  static boolean isPlanHandoff(String text) {
    text = clip(text);
    // Every alternative holds the word "plan".
    return text.toLowerCase(Locale.ROOT).contains("plan")
        && PLAN_HANDOFF.matcher(apostrophes(text)).find();
  }

  /**
   * True when the text sends the agent to a written plan: a verb of doing and, within the line, a
   * plan, spec, tasks or roadmap file, a phase or step number, or a task range ("build
   * docs/rbac-plan.md phase 3", "do tasks T012 - T016").
   */
  static boolean pointsAtPlan(String text) {
    text = clip(text);
    return mayPointAtPlan(text.toLowerCase(Locale.ROOT)) && PLAN_POINTER.matcher(text).find();
  }

  /**
   * False only when {@link #PLAN_POINTER} cannot match ({@code lower} is the text in lower case):
   * every match holds ".md", ".txt", a word of phases or "task", or a "t" before two digits. The
   * expression tries every verb of doing ("do", "start") with 80 characters after it.
   */
  static boolean mayPointAtPlan(String lower) {
    if (containsAny(lower, PLAN_POINTER_WORDS)) {
      return true;
    }
    for (int i = lower.indexOf('t'); i >= 0 && i + 2 < lower.length(); i = lower.indexOf('t', i + 1)) {
      if (isAsciiDigit(lower.charAt(i + 1)) && isAsciiDigit(lower.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  private static final String[] PLAN_POINTER_WORDS = {".md", ".txt", "phase", "fase", "step", "stage",
      "milestone", "task"};

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The error signature of a prompt: its specific error lines (stack frames and bare exit codes
   * left out), each from the error on, lower-cased with paths, hex numbers and digits stripped.
   * Empty when it has none.
   */
  static Set<String> errorSignature(String text) {
    return read(text).errorSignature();
  }

  /** What every {@link #ERROR_LINE} match contains; a word of these is far cheaper to look for. */
  private static final String[] ERROR_WORDS = {"Traceback (most recent call last)", "Exception",
      "Error", "panicked at", "FAILED", "exit", "npm ERR!", "fatal:", "Segmentation fault",
      "net::ERR_", "GET http", "POST http", "PUT http", "PATCH http", "DELETE http"};

  /**
   * False only when {@link #ERROR_LINE} cannot match: the line holds none of its words and does
   * not start, after white space, with "at", "error" or "File \"". A screen before the regular
   * expression, which tries every alternative at every position of every line.
   */
  static boolean mayBeErrorLine(String line) {
    int from = 0;
    while (from < line.length() && isRegexSpace(line.charAt(from))) {
      from++;
    }
    if (line.startsWith("at", from) || line.startsWith("error", from) || line.startsWith("File \"", from)) {
      return true;
    }
    for (String word : ERROR_WORDS) {
      if (line.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code \\s} of a regular expression without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static void addToSignature(String line, int errorStart, Set<String> signature) {
    if (GENERIC_ERROR_LINE.matcher(line).find()) {
      return;
    }
    // From the error itself on (its qualified name included): prose before it is not the error.
    int start = errorStart;
    while (start > 0 && isNameChar(line.charAt(start - 1))) {
      start--;
    }
    StringBuilder withoutPaths = new StringBuilder();
    for (String token : WHITESPACE.split(line.substring(start).toLowerCase(Locale.ROOT))) {
      if (token.indexOf('/') < 0 && token.indexOf('\\') < 0) {
        withoutPaths.append(token).append(' ');
      }
    }
    String s = HEX.matcher(withoutPaths).replaceAll(" ");
    s = DIGITS.matcher(s).replaceAll(" ");
    s = WHITESPACE.matcher(s).replaceAll(" ").trim();
    if (s.length() >= 4) {
      signature.add(s);
    }
  }

  /** True when two signatures share at least half the lines of the smaller one. */
  static boolean sameError(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long shared = small.stream().filter(large::contains).count();
    return shared * 2 >= small.size();
  }

  /** Pasted output: an error or stack-trace line, or at least two lines of logs or output. */
  static boolean hasPastedOutput(String text) {
    return read(text).pastedOutput();
  }

  /** A short (under 80 characters) ask for a fix that names nothing specific. */
  static boolean isVagueFixRequest(String text) {
    return isFixRequest(text) && !hasSpecificPointer(text);
  }

  private static boolean isFixRequest(String text) {
    if (text.strip().length() >= 80) {
      return false;
    }
    String plain = apostrophes(text);
    return mayAskForFix(plain.toLowerCase(Locale.ROOT)) && VAGUE_FIX.matcher(plain).find()
        || hasNonAscii(plain) && VAGUE_FIX_EXACT.matcher(plain).find();
  }

  /** A word every {@link #VAGUE_FIX} match holds, in the lower-cased text. */
  static boolean mayAskForFix(String lower) {
    return containsAny(lower, FIX_WORDS);
  }

  /** A character past ASCII, as every {@link #VAGUE_FIX_EXACT} match holds. */
  static boolean hasNonAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** A path, file:line, line number, backticked name, call or camelCase/snake_case identifier. */
  static boolean hasSpecificPointer(String text) {
    text = clip(text);
    if (text.indexOf(':') >= 0 && FILE_LINE.matcher(text).find()
        || text.indexOf('L') >= 0 && LINE_REF.matcher(text).find()
        || text.indexOf('`') >= 0 && BACKTICKED.matcher(text).find()
        || text.contains("()") && CALL.matcher(text).find()
        || text.indexOf('_') >= 0 && SNAKE.matcher(text).find()
        || mayHaveLineWords(text) && LINE_WORDS.matcher(text).find()
        || hasPathToken(text)) {
      return true;
    }
    if (!hasLowerThenUpper(text)) {
      return false;
    }
    Matcher camel = CAMEL.matcher(text);
    while (camel.find()) {
      if (!BRANDS.contains(camel.group().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when "line" or "lines" (in any ASCII case), white space and a digit follow each other
   * somewhere: what every {@link #LINE_WORDS} match holds. Prose says "line" often; this screen
   * spares it a regular expression tried at every position.
   */
  static boolean mayHaveLineWords(String text) {
    int n = text.length();
    for (int i = 0; i + 5 < n; i++) {
      if (asciiLower(text.charAt(i)) != 'l' || asciiLower(text.charAt(i + 1)) != 'i'
          || asciiLower(text.charAt(i + 2)) != 'n' || asciiLower(text.charAt(i + 3)) != 'e') {
        continue;
      }
      int j = i + 4;
      if (asciiLower(text.charAt(j)) == 's') {
        j++;
      }
      int spaces = j;
      while (j < n && isRegexSpace(text.charAt(j))) {
        j++;
      }
      if (j > spaces && j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * True when some token (a run of characters between white space, quotes, brackets, commas and
   * semicolons) holds "/", "\" or "." and reads as a path or file name.
   */
  static boolean hasPathToken(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '/' && c != '\\' && c != '.') {
        continue;
      }
      int start = i;
      while (start > 0 && !isTokenDelimiter(text.charAt(start - 1))) {
        start--;
      }
      int end = i + 1;
      while (end < n && !isTokenDelimiter(text.charAt(end))) {
        end++;
      }
      if (isPathLike(text.substring(start, end))) {
        return true;
      }
      i = end;
    }
    return false;
  }

  /** What ends a token: {@code \s} and {@code "'`()[]<>{},;}. */
  private static boolean isTokenDelimiter(char c) {
    switch (c) {
      case '"': case '\'': case '`': case '(': case ')': case '[': case ']': case '<': case '>':
      case '{': case '}': case ',': case ';':
        return true;
      default:
        return isRegexSpace(c);
    }
  }

  /**
   * True when an ASCII lower-case letter or digit is followed by an upper-case one: what every
   * {@link #CAMEL} match holds ("getX", "HttpClient").
   */
  static boolean hasLowerThenUpper(String text) {
    int n = text.length();
    for (int i = 1; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char before = text.charAt(i - 1);
        if (before >= 'a' && before <= 'z' || before >= '0' && before <= '9') {
          return true;
        }
      }
    }
    return false;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  static boolean containsAny(String text, String[] words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence ending in "?", a prompt opening with a question word, or an opening that asks for
   * an answer rather than a change ("tell me how to run this", "review the diff", "分析…").
   */
  static boolean isQuestion(String text) {
    text = clip(text);
    if (hasQuestionMark(text) && QUESTION_MARK.matcher(text).find()) {
      return true;
    }
    String opening = apostrophes(text.length() > 200 ? text.substring(0, 200) : text);
    Matcher first = FIRST_WORD.matcher(opening);
    if (first.find() && QUESTION_WORDS.contains(first.group().toLowerCase(Locale.ROOT))
        || ASKS_AT_OPENING_PATTERN.matcher(opening).lookingAt()) {
      return true;
    }
    String lower = opening.toLowerCase(Locale.ROOT);
    return asksAnywhere(opening, lower) || rulesOutChanges(opening, lower);
  }

  /** Whether {@link #RULES_OUT_CHANGES} or its exact half is found, tried only past the screen. */
  private static boolean rulesOutChanges(String text, String lower) {
    return mayRuleOutChanges(lower)
        && (RULES_OUT_CHANGES.matcher(text).find() || RULES_OUT_CHANGES_EXACT.matcher(text).find());
  }

  /** A word of changing and a negation, as every {@link #RULES_OUT_CHANGES} match holds, in lower case. */
  static boolean mayRuleOutChanges(String lower) {
    return containsAny(lower, CHANGE_WORDS) && containsAny(lower, NEGATIONS);
  }

  /**
   * Whether {@link #ASKS_FOR_ANSWER} is found in the text. Tried at every position, the whole
   * expression was a twentieth of featurizing: its opening half can only match at the start, and
   * the other half is run only when the text holds what each of its matches begins with.
   */
  static boolean asksForAnswer(String text) {
    return ASKS_AT_OPENING_PATTERN.matcher(text).lookingAt()
        || asksAnywhere(text, text.toLowerCase(Locale.ROOT));
  }

  private static boolean asksAnywhere(String text, String lower) {
    boolean may = lower.contains("any ") || lower.contains("what do you think");
    for (int i = 0; !may && i < text.length(); i++) {
      may = ASKS_ANYWHERE_FIRST_CHARS.indexOf(text.charAt(i)) >= 0;
    }
    return may && ASKS_ANYWHERE_PATTERN.matcher(text).find();
  }

  /** A "?", "？" or sentence-final 吗/嗎/呢 somewhere: what every {@link #QUESTION_MARK} match holds. */
  static boolean hasQuestionMark(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '?' || c == '？' || c == '吗' || c == '嗎' || c == '呢') {
        return true;
      }
    }
    return false;
  }

  /**
   * Words a prompt that moves the agent along is made of: a yes, a thanks, "continue", "go ahead",
   * "commit and push", in the languages of the real corpus. All of a go-on's words are these.
   */
  static final Set<String> GO_ON_WORDS = Set.of(
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
      "passt", "gut", "tak", "dalej", "dobrze", "kontynuuj");
  /** The same in scripts written without spaces, longest first: a word is covered by these. */
  static final String[] GO_ON_RUNS = {"お願いします", "ありがとう", "감사합니다", "진행해줘", "没问题", "コミット",
      "진행해", "继续", "好的", "可以", "是的", "确认", "同意", "提交", "谢谢", "开始", "执行", "はい", "続けて", "進めて",
      "了解", "좋아요", "좋아", "계속", "진행", "커밋", "好", "是", "对", "行", "吧", "嗯", "네", "예", "응"};
  /** A go-on is short. */
  private static final int GO_ON_MAX_CHARS = 60;

  /**
   * A prompt that moves the agent along and asks nothing new: an option picked ("A", "2",
   * "option B"), a yes or a thanks, "continue", "go ahead", "commit and push". Such a prompt right
   * after the agent's edits is no correction of them: in the prompt-level study (corpus/README),
   * a third of what the corrections counted were these.
   */
  static boolean isGoOn(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty() || stripped.length() > GO_ON_MAX_CHARS) {
      return false;
    }
    String t = stripped.toLowerCase(Locale.ROOT);
    List<String> words = goOnWords(t);
    int letters = 0;
    for (String w : words) {
      letters += w.length();
    }
    // Nothing but punctuation, or a letter, a number or a word of two or three in ASCII ("A", "2",
    // "ok"): three Chinese characters can say "change it back".
    if (letters <= 3 && !hasNonAscii(t)) {
      return true;
    }
    // An option picked: "option B", "choice 2".
    if (words.size() == 2 && (words.get(0).equals("option") || words.get(0).equals("choice")
        || words.get(0).equals("opción") || words.get(0).equals("opção")) && words.get(1).length() <= 2) {
      return true;
    }
    for (String w : words) {
      if (!GO_ON_WORDS.contains(w) && !coveredByRuns(w)) {
        return false;
      }
    }
    return true;
  }

  /** Runs of letters, digits, apostrophes, hyphens and underscores. */
  private static List<String> goOnWords(String t) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= t.length(); i++) {
      char c = i < t.length() ? t.charAt(i) : ' ';
      boolean part = Character.isLetterOrDigit(c) || c == '\'' || c == '-' || c == '_';
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        words.add(t.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  /** Whether the word is made of {@link #GO_ON_RUNS} end to end, longest first at each step. */
  private static boolean coveredByRuns(String word) {
    int i = 0;
    while (i < word.length()) {
      int next = -1;
      for (String run : GO_ON_RUNS) {
        if (word.startsWith(run, i)) {
          next = i + run.length();
          break;
        }
      }
      if (next < 0) {
        return false;
      }
      i = next;
    }
    return true;
  }

  /** True when the text names a convention file such as CLAUDE.md or AGENTS.md. */
  static boolean citesConventionFile(String text) {
    // Cheap screen first: this runs on every prompt, path and command of a session.
    return text != null && (text.contains(".md") || text.contains(".MD") || text.contains("rules"))
        && CONVENTION_FILE.matcher(clip(text)).find();
  }

  /**
   * Word-bigram shingles of the normalised text (lower case, punctuation dropped, whitespace
   * collapsed) as sorted hashes; a one-word text is its own single shingle.
   */
  static long[] shingles(String text) {
    int[] words = wordHashes(clip(text).toLowerCase(Locale.ROOT).strip());
    int n = words.length;
    if (n == 0) {
      return new long[0];
    }
    if (n == 1) {
      return new long[] {words[0]};
    }
    long[] out = new long[n - 1];
    for (int i = 0; i < n - 1; i++) {
      long left = words[i];
      long right = words[i + 1] & 0xffffffffL;
      out[i] = left << 32 ^ right;
    }
    Arrays.sort(out);
    int unique = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[unique++] = out[i];
      }
    }
    return Arrays.copyOf(out, unique);
  }

  /**
   * The {@link String#hashCode} of every non-empty word that splitting the text at
   * {@code [^\p{L}\p{N}]+} gives, in order, without making the strings. Text goes by code
   * points, as the expression reads it: a surrogate pair is one letter or one separator, a lone
   * surrogate a separator.
   */
  static int[] wordHashes(String text) {
    int[] hashes = new int[16];
    int count = 0;
    int n = text.length();
    int wordStart = 0;
    int i = 0;
    while (true) {
      while (i < n) {
        int cp = text.codePointAt(i);
        if (!isWordChar(cp)) {
          break;
        }
        i += Character.charCount(cp);
      }
      if (i > wordStart) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count++] = hash(text, wordStart, i);
      }
      if (i >= n) {
        return Arrays.copyOf(hashes, count);
      }
      while (i < n) {
        int cp = text.codePointAt(i);
        if (isWordChar(cp)) {
          break;
        }
        i += Character.charCount(cp);
      }
      wordStart = i;
    }
  }

  /** {@code [\p{L}\p{N}]}: a letter or a number (digits, Roman numerals, fractions). */
  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    }
    int type = Character.getType(cp);
    return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** {@code text.substring(from, to).hashCode()}. */
  private static int hash(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h;
  }

  /** Jaccard similarity of two sorted, duplicate-free shingle sets; 0 when either is empty. */
  static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) shared / (a.length + b.length - shared);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
  }

  static boolean isPathLike(String token) {
    String t = TRAILING_PUNCTUATION.matcher(token).replaceAll("");
    int slashes = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '/' || c == '\\') {
        slashes++;
      }
    }
    if (slashes > 0) {
      return slashes >= 2 || t.startsWith("./") || t.startsWith("../") || t.startsWith("~/")
          || EXTENSION.matcher(t.substring(Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\')) + 1))
              .matches();
    }
    return EXTENSION.matcher(t).matches() && !NOT_FILES.contains(t.toLowerCase(Locale.ROOT));
  }

  private static String clip(String text) {
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  private static String[] lines(String text) {
    String[] lines = clip(text).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].length() > MAX_LINE_CHARS) {
        lines[i] = lines[i].substring(0, MAX_LINE_CHARS);
      }
    }
    return lines;
  }

  /** How many times the expression is found in the text (its tests count with it too). */
  static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Curly apostrophes (phones, word processors) read as straight ones. */
  private static String apostrophes(String text) {
    return text.replace('\u2019', '\'');
  }
}
